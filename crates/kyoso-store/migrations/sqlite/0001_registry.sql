-- The registry: organizations, people and the ties between them.
-- Every record has a local key (id), a global id (uid, a UUID as 16 bytes),
-- an optional external id from the system it was imported from, an owner
-- organization (the tenant whose private records it belongs to) and times.
-- Times are INTEGER microseconds since 1970-01-01 UTC: compact, and in
-- time order (PostgreSQL keeps TIMESTAMPTZ). Languages are a JSON array of
-- "language:level" strings, e.g. ["th:native","ja:N2"].
-- Secondary indexes are named <table>_<what>; bulk loads into an empty table
-- drop and rebuild them, so every one of them is created here by name.

CREATE TABLE organizations (
    id              INTEGER PRIMARY KEY,
    uid             BLOB NOT NULL CHECK (length(uid) = 16),
    external_id     TEXT,
    owner_id        INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    name_native     TEXT,
    name_latin      TEXT,
    name_japanese   TEXT,
    acronym         TEXT,
    org_type        INTEGER NOT NULL,
    country         TEXT CHECK (length(country) = 2),
    sectors         TEXT NOT NULL DEFAULT '[]',
    parent_id       INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    website         TEXT,
    visibility      TEXT NOT NULL CHECK (visibility IN ('private', 'network', 'public')),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    CHECK (name_native IS NOT NULL OR name_latin IS NOT NULL)
) STRICT;

CREATE UNIQUE INDEX organizations_uid ON organizations (uid);
CREATE UNIQUE INDEX organizations_external_id ON organizations (external_id);
CREATE INDEX organizations_parent ON organizations (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX organizations_owner ON organizations (owner_id) WHERE owner_id IS NOT NULL;

CREATE TABLE people (
    id                      INTEGER PRIMARY KEY,
    uid                     BLOB NOT NULL CHECK (length(uid) = 16),
    external_id             TEXT,
    owner_id                INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    name_native             TEXT,
    name_latin              TEXT,
    name_japanese           TEXT,
    gender                  TEXT CHECK (gender IN ('female', 'male', 'other')),
    residence               TEXT CHECK (length(residence) = 2),
    nationality             TEXT CHECK (length(nationality) = 2),
    languages               TEXT NOT NULL DEFAULT '[]',
    skills                  TEXT NOT NULL DEFAULT '[]',
    sectors                 TEXT NOT NULL DEFAULT '[]',
    available_mentoring     INTEGER NOT NULL DEFAULT 0 CHECK (available_mentoring IN (0, 1)),
    available_dispatch      INTEGER NOT NULL DEFAULT 0 CHECK (available_dispatch IN (0, 1)),
    email                   TEXT,
    phone                   TEXT,
    bio                     TEXT,
    consent_processing      INTEGER NOT NULL DEFAULT 0 CHECK (consent_processing IN (0, 1)),
    consent_contact         INTEGER NOT NULL DEFAULT 0 CHECK (consent_contact IN (0, 1)),
    consent_public_listing  INTEGER NOT NULL DEFAULT 0 CHECK (consent_public_listing IN (0, 1)),
    visibility              TEXT NOT NULL CHECK (visibility IN ('private', 'network', 'public')),
    created_at              INTEGER NOT NULL,
    updated_at              INTEGER NOT NULL,
    CHECK (name_native IS NOT NULL OR name_latin IS NOT NULL)
) STRICT;

CREATE UNIQUE INDEX people_uid ON people (uid);
CREATE UNIQUE INDEX people_external_id ON people (external_id);
CREATE INDEX people_owner ON people (owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX people_residence ON people (residence) WHERE residence IS NOT NULL;

-- A tie joins a person or an organization to a person or an organization:
-- exactly one of from_person_id / from_org_id is set, and likewise for "to".
CREATE TABLE ties (
    id              INTEGER PRIMARY KEY,
    uid             BLOB NOT NULL CHECK (length(uid) = 16),
    external_id     TEXT,
    owner_id        INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('studied_at', 'trained_at', 'employed_by',
                        'member_of', 'founded', 'mentored', 'hosted_intern', 'partnered_with',
                        'supervises', 'met_at')),
    from_person_id  INTEGER REFERENCES people (id) ON DELETE CASCADE,
    from_org_id     INTEGER REFERENCES organizations (id) ON DELETE CASCADE,
    to_person_id    INTEGER REFERENCES people (id) ON DELETE CASCADE,
    to_org_id       INTEGER REFERENCES organizations (id) ON DELETE CASCADE,
    start_date      TEXT NOT NULL,
    end_date        TEXT,
    strength        REAL CHECK (strength BETWEEN 0 AND 1),
    role            TEXT,
    note            TEXT,
    asserted_by     TEXT NOT NULL,
    asserted_at     INTEGER NOT NULL,
    visibility      TEXT NOT NULL CHECK (visibility IN ('private', 'network', 'public')),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    CHECK ((from_person_id IS NULL) <> (from_org_id IS NULL)),
    CHECK ((to_person_id IS NULL) <> (to_org_id IS NULL)),
    CHECK (end_date IS NULL OR end_date >= substr(start_date, 1, length(end_date)))
) STRICT;

CREATE UNIQUE INDEX ties_uid ON ties (uid);
CREATE UNIQUE INDEX ties_external_id ON ties (external_id);
CREATE INDEX ties_from_person ON ties (from_person_id) WHERE from_person_id IS NOT NULL;
CREATE INDEX ties_from_org ON ties (from_org_id) WHERE from_org_id IS NOT NULL;
CREATE INDEX ties_to_person ON ties (to_person_id) WHERE to_person_id IS NOT NULL;
CREATE INDEX ties_to_org ON ties (to_org_id) WHERE to_org_id IS NOT NULL;
