//! Users, sessions and API tokens. The store keeps only hashes of secrets:
//! the caller hashes passwords (argon2id) and tokens (SHA-256) before they
//! reach here.

use kyoso_domain::{Role, User};
use kyoso_domain::{Timestamp, Uid};
use serde::Serialize;
use uuid::Uuid;

use crate::value::DbTime;
use crate::{Store, StoreError, dispatch};

/// A user with their password hash, for signing in.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub user: User,
    pub password_hash: String,
}

#[derive(sqlx::FromRow)]
struct UserRow {
    uid: Uuid,
    email: String,
    role: String,
    organization_id: Option<i64>,
    organization_uid: Option<Uuid>,
    person_uid: Option<Uuid>,
    language: String,
    password_hash: String,
}

const USER_SELECT: &str = "SELECT u.uid, u.email, u.role, u.organization_id, o.uid AS organization_uid, \
    p.uid AS person_uid, u.language, u.password_hash \
    FROM users u LEFT JOIN organizations o ON o.id = u.organization_id \
    LEFT JOIN people p ON p.id = u.person_id";

impl UserRow {
    fn into_credentials(self) -> Result<Credentials, StoreError> {
        let role = Role::parse(&self.role).ok_or_else(|| StoreError::Damaged {
            table: "users",
            id: 0,
            field: "role",
            message: format!("unknown role {}", self.role),
        })?;
        Ok(Credentials {
            user: User {
                uid: Uid::from_uuid(self.uid),
                email: self.email,
                role,
                organization: self
                    .organization_id
                    .zip(self.organization_uid)
                    .map(|(id, uid)| (id, Uid::from_uuid(uid))),
                person: self.person_uid.map(Uid::from_uuid),
                language: self.language,
            },
            password_hash: self.password_hash,
        })
    }
}

/// A new account.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub password_hash: String,
    pub role: Role,
    pub organization: Option<Uid>,
    pub person: Option<Uid>,
}

/// An API token as listed (never with its secret).
#[derive(Debug, Clone, Serialize)]
pub struct TokenInfo {
    pub uid: Uid,
    pub name: String,
    pub created_at: Timestamp,
    pub expires_at: Option<Timestamp>,
    pub revoked: bool,
}

impl Store {
    /// Adds an account. The email must be new.
    pub async fn add_user(&self, new: &NewUser) -> Result<User, StoreError> {
        let now = Timestamp::now();
        let uid = Uid::new();
        let organization =
            match new.organization {
                Some(org) => Some(self.organization_key(org).await?.ok_or(
                    StoreError::NotFound {
                        what: "organization",
                    },
                )?),
                None => None,
            };
        let person = match new.person {
            Some(p) => Some(
                self.person_key(p)
                    .await?
                    .ok_or(StoreError::NotFound { what: "person" })?,
            ),
            None => None,
        };
        let sql = "INSERT INTO users (uid, email, password_hash, organization_id, person_id, role, created_at) \
                   VALUES ($1, $2, $3, $4, $5, $6, $7)";
        let result = dispatch!(self, pool => {
            sqlx::query(sql)
                .bind(uid.uuid())
                .bind(&new.email)
                .bind(&new.password_hash)
                .bind(organization)
                .bind(person)
                .bind(new.role.as_str())
                .bind(DbTime(now))
                .execute(pool)
                .await
                .map(|_| ())
        });
        match result {
            Ok(()) => {}
            Err(err) => {
                let err = StoreError::from(err);
                if err.is_unique_violation() {
                    return Err(StoreError::Conflict(format!(
                        "a user with the email {} exists",
                        new.email
                    )));
                }
                return Err(err);
            }
        }
        self.user_by_email(&new.email)
            .await?
            .map(|c| c.user)
            .ok_or(StoreError::NotFound { what: "user" })
    }

    pub async fn user_by_email(&self, email: &str) -> Result<Option<Credentials>, StoreError> {
        let sql = format!("{USER_SELECT} WHERE u.email = $1 AND NOT u.disabled");
        let row = dispatch!(self, pool => {
            sqlx::query_as::<_, UserRow>(sqlx::AssertSqlSafe(sql)).bind(email).fetch_optional(pool).await?
        });
        row.map(UserRow::into_credentials).transpose()
    }

    /// Forgets the users remembered for tokens here, after a change made
    /// through a bulk writer (an erasure removing accounts).
    pub fn forget_cached_users(&self) {
        self.tokens.clear();
    }

    /// The accounts of the person `person`: their emails.
    pub async fn emails_of_person(&self, person: Uid) -> Result<Vec<String>, StoreError> {
        Ok(dispatch!(self, pool => {
            sqlx::query_scalar(
                "SELECT u.email FROM users u JOIN people p ON p.id = u.person_id WHERE p.uid = $1",
            )
            .bind(person.uuid())
            .fetch_all(pool)
            .await?
        }))
    }

    pub async fn user_count(&self) -> Result<i64, StoreError> {
        Ok(dispatch!(self, pool => {
            sqlx::query_scalar("SELECT count(*) FROM users").fetch_one(pool).await?
        }))
    }

    /// Gives the user with `email` another role, acting for `organization`
    /// (none: an admin). Their sessions and tokens carry the new role at
    /// once here, and within [`TOKEN_CACHE`] in other processes.
    pub async fn set_user_role(
        &self,
        email: &str,
        role: Role,
        organization: Option<Uid>,
    ) -> Result<bool, StoreError> {
        self.tokens.clear();
        let changed = dispatch!(self, pool => {
            sqlx::query(
                "UPDATE users SET role = $1, \
                 organization_id = (SELECT id FROM organizations WHERE uid = $2) WHERE email = $3",
            )
            .bind(role.as_str())
            .bind(organization.map(|o| o.uuid()))
            .bind(email)
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(changed > 0)
    }

    /// Disables or enables the user with `email`: a disabled user's
    /// sessions and tokens stop working (within [`TOKEN_CACHE`] elsewhere).
    pub async fn set_user_disabled(&self, email: &str, disabled: bool) -> Result<bool, StoreError> {
        self.tokens.clear();
        let changed = dispatch!(self, pool => {
            sqlx::query("UPDATE users SET disabled = $1 WHERE email = $2")
                .bind(disabled)
                .bind(email)
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(changed > 0)
    }

    pub async fn set_user_language(&self, user: Uid, language: &str) -> Result<(), StoreError> {
        dispatch!(self, pool => {
            sqlx::query("UPDATE users SET language = $1 WHERE uid = $2")
                .bind(language)
                .bind(user.uuid())
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Starts a session; the caller keeps the token, the store its hash.
    pub async fn create_session(
        &self,
        user: Uid,
        token_hash: &[u8],
        csrf_token: &str,
        expires_at: Timestamp,
    ) -> Result<(), StoreError> {
        let now = Timestamp::now();
        dispatch!(self, pool => {
            sqlx::query(
                "INSERT INTO sessions (token_hash, csrf_token, user_id, created_at, expires_at) \
                 SELECT $1, $2, id, $3, $4 FROM users WHERE uid = $5",
            )
            .bind(token_hash)
            .bind(csrf_token)
            .bind(DbTime(now))
            .bind(DbTime(expires_at))
            .bind(user.uuid())
            .execute(pool)
            .await?;
        });
        Ok(())
    }

    /// The user of a live session, and the session's CSRF token.
    pub async fn session_user(
        &self,
        token_hash: &[u8],
    ) -> Result<Option<(User, String)>, StoreError> {
        let sql = format!(
            "SELECT s.csrf_token, {} FROM sessions s JOIN users u ON u.id = s.user_id \
             LEFT JOIN organizations o ON o.id = u.organization_id \
             LEFT JOIN people p ON p.id = u.person_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled",
            USER_SELECT
                .trim_start_matches("SELECT ")
                .split(" FROM ")
                .next()
                .unwrap_or_default()
        );
        let now = Timestamp::now();
        let row: Option<(String, UserRow)> = dispatch!(self, pool => {
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(token_hash)
                .bind(DbTime(now))
                .fetch_optional(pool)
                .await?
                .map(|row| {
                    use sqlx::{FromRow, Row};
                    Ok::<_, sqlx::Error>((row.try_get::<String, _>("csrf_token")?, UserRow::from_row(&row)?))
                })
                .transpose()?
        });
        row.map(|(csrf, user)| Ok((user.into_credentials()?.user, csrf)))
            .transpose()
    }

    pub async fn end_session(&self, token_hash: &[u8]) -> Result<(), StoreError> {
        dispatch!(self, pool => {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(pool).await?;
        });
        Ok(())
    }

    /// Adds an API token for `user`; the caller shows the secret once.
    pub async fn create_token(
        &self,
        user: Uid,
        name: &str,
        token_hash: &[u8],
        expires_at: Option<Timestamp>,
    ) -> Result<Uid, StoreError> {
        let uid = Uid::new();
        let now = Timestamp::now();
        let inserted = dispatch!(self, pool => {
            sqlx::query(
                "INSERT INTO api_tokens (uid, token_hash, user_id, name, created_at, expires_at) \
                 SELECT $1, $2, id, $3, $4, $5 FROM users WHERE uid = $6",
            )
            .bind(uid.uuid())
            .bind(token_hash)
            .bind(name)
            .bind(DbTime(now))
            .bind(expires_at.map(DbTime))
            .bind(user.uuid())
            .execute(pool)
            .await?
            .rows_affected()
        });
        if inserted == 0 {
            return Err(StoreError::NotFound { what: "user" });
        }
        Ok(uid)
    }

    /// The user a live (unexpired, unrevoked) token belongs to.
    ///
    /// Answers are kept for half a second, so that a script's burst of
    /// requests costs one lookup. Revoking through this store takes effect at
    /// once; revoking, disabling or changing a role from another process
    /// within [`TOKEN_CACHE`].
    pub async fn token_user(&self, token_hash: &[u8]) -> Result<Option<User>, StoreError> {
        if let Some(user) = self.tokens.get(token_hash) {
            return Ok(user);
        }
        let user = self.token_user_uncached(token_hash).await?;
        self.tokens.put(token_hash, user.clone());
        Ok(user)
    }

    async fn token_user_uncached(&self, token_hash: &[u8]) -> Result<Option<User>, StoreError> {
        let sql = format!(
            "{USER_SELECT} JOIN api_tokens t ON t.user_id = u.id \
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL \
             AND (t.expires_at IS NULL OR t.expires_at > $2) AND NOT u.disabled"
        );
        let now = Timestamp::now();
        let row = dispatch!(self, pool => {
            sqlx::query_as::<_, UserRow>(sqlx::AssertSqlSafe(sql))
                .bind(token_hash)
                .bind(DbTime(now))
                .fetch_optional(pool)
                .await?
        });
        row.map(|r| r.into_credentials().map(|c| c.user))
            .transpose()
    }

    pub async fn revoke_token(&self, token: Uid) -> Result<bool, StoreError> {
        self.tokens.clear();
        let now = Timestamp::now();
        let changed = dispatch!(self, pool => {
            sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE uid = $2 AND revoked_at IS NULL")
                .bind(DbTime(now))
                .bind(token.uuid())
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(changed > 0)
    }

    pub(crate) async fn organization_key(&self, uid: Uid) -> Result<Option<i64>, StoreError> {
        Ok(dispatch!(self, pool => {
            sqlx::query_scalar("SELECT id FROM organizations WHERE uid = $1").bind(uid.uuid()).fetch_optional(pool).await?
        }))
    }

    pub(crate) async fn person_key(&self, uid: Uid) -> Result<Option<i64>, StoreError> {
        Ok(dispatch!(self, pool => {
            sqlx::query_scalar("SELECT id FROM people WHERE uid = $1").bind(uid.uuid()).fetch_optional(pool).await?
        }))
    }

    pub(crate) async fn event_key(&self, uid: Uid) -> Result<Option<i64>, StoreError> {
        Ok(dispatch!(self, pool => {
            sqlx::query_scalar("SELECT id FROM events WHERE uid = $1").bind(uid.uuid()).fetch_optional(pool).await?
        }))
    }
}

/// How long a token's user is remembered: the longest a revocation or a
/// role change made by another process goes unseen here.
pub const TOKEN_CACHE: std::time::Duration = std::time::Duration::from_millis(500);

/// When a token was looked up, and the user it belonged to (or none).
type CachedLookup = (std::time::Instant, Option<User>);

/// Recently looked-up tokens: SHA-256 of the token → its user (or none).
#[derive(Debug, Default)]
pub(crate) struct TokenCache {
    entries: std::sync::Mutex<std::collections::HashMap<Vec<u8>, CachedLookup>>,
}

impl TokenCache {
    const LIMIT: usize = 10_000;

    fn get(&self, hash: &[u8]) -> Option<Option<User>> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let (at, user) = entries.get(hash)?;
        (at.elapsed() < TOKEN_CACHE).then(|| user.clone())
    }

    fn put(&self, hash: &[u8], user: Option<User>) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= Self::LIMIT {
            entries.retain(|_, (at, _)| at.elapsed() < TOKEN_CACHE);
            if entries.len() >= Self::LIMIT {
                entries.clear();
            }
        }
        entries.insert(hash.to_vec(), (std::time::Instant::now(), user));
    }

    pub(crate) fn clear(&self) {
        self.entries
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }
}
