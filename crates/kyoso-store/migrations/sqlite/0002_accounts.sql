-- Accounts, their sessions and API tokens, and the audit log.
-- Secrets are never stored: passwords as argon2id hashes, session and API
-- tokens as SHA-256 hashes of the random value the client holds.

CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    uid             BLOB NOT NULL UNIQUE CHECK (length(uid) = 16),
    email           TEXT NOT NULL UNIQUE,
    password_hash   TEXT NOT NULL,
    organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    person_id       INTEGER REFERENCES people (id) ON DELETE SET NULL,
    role            TEXT NOT NULL CHECK (role IN ('admin', 'officer', 'coordinator', 'member')),
    language        TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ja', 'th', 'vi')),
    disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at      INTEGER NOT NULL
) STRICT;

CREATE TABLE sessions (
    id              INTEGER PRIMARY KEY,
    token_hash      BLOB NOT NULL UNIQUE,
    csrf_token      TEXT NOT NULL,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL
) STRICT;

CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id              INTEGER PRIMARY KEY,
    uid             BLOB NOT NULL UNIQUE CHECK (length(uid) = 16),
    token_hash      BLOB NOT NULL UNIQUE,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER,
    revoked_at      INTEGER
) STRICT;

CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- One row per create, update, delete or erase: who, when, what, before and after.
CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY,
    at              INTEGER NOT NULL,
    actor           TEXT NOT NULL,
    organization_id INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    action          TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'erase')),
    record_table    TEXT NOT NULL,
    record_uid      BLOB NOT NULL,
    before          TEXT,
    after           TEXT
) STRICT;

CREATE INDEX audit_log_organization ON audit_log (organization_id, id);
CREATE INDEX audit_log_record ON audit_log (record_uid, id);
