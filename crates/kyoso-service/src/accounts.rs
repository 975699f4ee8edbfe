//! Accounts: adding users, signing in and out, sessions, API tokens.
//!
//! Passwords are hashed with argon2id. Session and API tokens are 32 random
//! bytes that only the client holds; the store keeps their SHA-256.

use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use kyoso_domain::{Email, Timestamp, Uid};
use kyoso_domain::{Role, User};
use kyoso_store::NewUser;
use sha2::{Digest, Sha256};

use crate::Kyoso;
use crate::{Caller, ServiceError};

/// How long a session lasts without signing in again.
pub const SESSION_DAYS: i64 = 14;
/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// The prefix that marks a kyoso API token, so that leaked ones are easy to find.
const TOKEN_PREFIX: &str = "kyoso_";

/// A random secret, as 64 hex digits.
pub fn random_secret() -> Result<String, ServiceError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| ServiceError::Failed(format!("no random source: {e}")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The SHA-256 of a secret: what the store keeps.
pub fn secret_hash(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

pub fn hash_password(password: &str) -> Result<String, ServiceError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(ServiceError::Invalid {
            field: Some("password".into()),
            message: format!("must be at least {MIN_PASSWORD_CHARS} characters"),
        });
    }
    // Argon2's defaults are argon2id with a random salt.
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|e| ServiceError::Failed(e.to_string()))
}

fn verify_password(password: &str, hash: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), hash)
        .is_ok()
}

/// A hash of a password nobody has, checked against for unknown users so
/// that a sign-in takes as long whether the account exists or not.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        random_secret()
            .and_then(|secret| hash_password(&secret))
            .unwrap_or_default()
    })
}

impl Kyoso {
    /// Remembers the interface language the signed-in caller chose.
    pub async fn set_language(&self, caller: &Caller, language: &str) -> Result<(), ServiceError> {
        let Some(user) = caller.user() else {
            return Err(ServiceError::Unauthenticated);
        };
        if !["en", "ja", "th", "vi"].contains(&language) {
            return Err(ServiceError::Invalid {
                field: Some("language".into()),
                message: "is en, ja, th or vi".into(),
            });
        }
        Ok(self.store.set_user_language(user.uid, language).await?)
    }

    /// Adds a user acting for `organization` (an external id or uid).
    pub async fn add_user(
        &self,
        email: &str,
        password: &str,
        role: Role,
        organization: Option<&str>,
        person: Option<Uid>,
    ) -> Result<User, ServiceError> {
        let store = &self.store;
        let email = Email::parse(email).map_err(|e| ServiceError::Invalid {
            field: Some("email".into()),
            message: e.to_string(),
        })?;
        let organization = match organization {
            None => None,
            Some(reference) => Some(self.find_organization(reference).await?),
        };
        if organization.is_none() && role != Role::Admin {
            return Err(ServiceError::Invalid {
                field: Some("org".into()),
                message: format!("a {} acts for an organization: give one", role.as_str()),
            });
        }
        let password_hash = hash_password(password)?;
        let user = store
            .add_user(&NewUser {
                email: email.as_str().to_lowercase(),
                password_hash,
                role,
                organization,
                person,
            })
            .await
            .map_err(|e| match e {
                kyoso_store::StoreError::Conflict(message) => ServiceError::Conflict(message),
                other => other.into(),
            })?;
        Ok(user)
    }

    /// Gives a user another role (and organization); it takes effect at once
    /// for requests this process serves and within a second for the others.
    pub async fn set_role(
        &self,
        email: &str,
        role: Role,
        organization: Option<&str>,
    ) -> Result<(), ServiceError> {
        let store = &self.store;
        let organization = match organization {
            None => None,
            Some(reference) => Some(self.find_organization(reference).await?),
        };
        if organization.is_none() && role != Role::Admin {
            return Err(ServiceError::Invalid {
                field: Some("org".into()),
                message: format!("a {} acts for an organization: give one", role.as_str()),
            });
        }
        let email = email.trim().to_lowercase();
        if store.set_user_role(&email, role, organization).await? {
            Ok(())
        } else {
            Err(ServiceError::NotFound("user"))
        }
    }

    /// Disables a user (or enables them again): their sessions and tokens stop
    /// working.
    pub async fn set_disabled(&self, email: &str, disabled: bool) -> Result<(), ServiceError> {
        let store = &self.store;
        if store
            .set_user_disabled(&email.trim().to_lowercase(), disabled)
            .await?
        {
            Ok(())
        } else {
            Err(ServiceError::NotFound("user"))
        }
    }

    async fn find_organization(&self, reference: &str) -> Result<Uid, ServiceError> {
        let store = &self.store;
        let by_external = match kyoso_domain::ExternalId::parse(reference) {
            Ok(id) => store.organization_by_external_id(&id).await?.map(|o| o.uid),
            Err(_) => None,
        };
        let found = match by_external {
            Some(uid) => Some(uid),
            None => match Uid::parse(reference) {
                Ok(uid) => store.organization(uid).await?.map(|o| o.uid),
                Err(_) => None,
            },
        };
        found.ok_or_else(|| ServiceError::Invalid {
            field: Some("org".into()),
            message: format!("no organization has the external id or id \"{reference}\""),
        })
    }
}

/// A new session: the token for the cookie and the CSRF token for forms.
#[derive(Debug, Clone)]
pub struct Session {
    pub token: String,
    pub csrf: String,
    pub user: User,
}

impl Kyoso {
    /// Signs in. The same error for an unknown email and a wrong password, so
    /// that accounts cannot be probed.
    pub async fn sign_in(&self, email: &str, password: &str) -> Result<Session, ServiceError> {
        let store = &self.store;
        let email = email.trim().to_lowercase();
        let Some(credentials) = store.user_by_email(&email).await? else {
            // Spend the time a real check would, so that timing tells nothing.
            let _ = verify_password(password, dummy_hash());
            return Err(ServiceError::Unauthenticated);
        };
        if !verify_password(password, &credentials.password_hash) {
            return Err(ServiceError::Unauthenticated);
        }
        let token = random_secret()?;
        let csrf = random_secret()?;
        let expires = Timestamp::from_unix_micros(
            Timestamp::now().unix_micros() + SESSION_DAYS * 86_400_000_000,
        )
        .unwrap_or_else(Timestamp::now);
        store
            .create_session(credentials.user.uid, &secret_hash(&token), &csrf, expires)
            .await?;
        Ok(Session {
            token,
            csrf,
            user: credentials.user,
        })
    }

    /// The user of a session token, with the session's CSRF token.
    pub async fn session_user(&self, token: &str) -> Result<Option<(User, String)>, ServiceError> {
        let store = &self.store;
        Ok(store.session_user(&secret_hash(token)).await?)
    }

    pub async fn sign_out(&self, token: &str) -> Result<(), ServiceError> {
        let store = &self.store;
        Ok(store.end_session(&secret_hash(token)).await?)
    }

    /// Creates an API token for the user with `email`; returns the secret,
    /// which is shown once and never stored.
    pub async fn create_token(
        &self,
        email: &str,
        name: &str,
        days: Option<i64>,
    ) -> Result<(Uid, String), ServiceError> {
        let store = &self.store;
        let credentials = store
            .user_by_email(&email.trim().to_lowercase())
            .await?
            .ok_or(ServiceError::NotFound("user"))?;
        let secret = format!("{TOKEN_PREFIX}{}", random_secret()?);
        let expires = days.and_then(|d| {
            Timestamp::from_unix_micros(Timestamp::now().unix_micros() + d * 86_400_000_000)
        });
        let uid = store
            .create_token(credentials.user.uid, name, &secret_hash(&secret), expires)
            .await?;
        Ok((uid, secret))
    }

    pub async fn token_user(&self, secret: &str) -> Result<Option<User>, ServiceError> {
        let store = &self.store;
        if !secret.starts_with(TOKEN_PREFIX) {
            return Ok(None);
        }
        Ok(store.token_user(&secret_hash(secret)).await?)
    }

    pub async fn revoke_token(&self, token: Uid) -> Result<bool, ServiceError> {
        let store = &self.store;
        Ok(store.revoke_token(token).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let hash = hash_password("correct horse battery").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("wrong horse battery", &hash));
        assert!(hash_password("short").is_err());
    }

    #[test]
    fn secrets_are_random_and_kept_as_hashes() {
        let a = random_secret().unwrap();
        assert_eq!(a.len(), 64);
        assert_ne!(a, random_secret().unwrap());
        assert_eq!(secret_hash(&a).len(), 32);
    }

    #[test]
    fn the_dummy_hash_is_a_real_hash() {
        assert!(dummy_hash().starts_with("$argon2id$"));
        assert!(!verify_password("", dummy_hash()));
    }
}
