-- no-transaction
-- Events as records of the network: people and organizations attend them
-- (attended ties, to_event_id), and a met_at tie may name the event two
-- people met at (event_id), which is part of the tie's identity.
--
-- SQLite cannot change a table's CHECK constraints, so ties is rebuilt as
-- SQLite documents it: with foreign keys off, or dropping the old table
-- would cascade into the tables that name ties. The whole rebuild is one
-- transaction; run again after a crash before it was recorded, it rebuilds
-- the same table again.
PRAGMA foreign_keys = OFF;

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS events (
    id              INTEGER PRIMARY KEY,
    uid             BLOB NOT NULL CHECK (length(uid) = 16),
    external_id     TEXT,
    owner_id        INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    name_native     TEXT,
    name_latin      TEXT,
    name_japanese   TEXT,
    kind            TEXT NOT NULL CHECK (kind IN ('conference', 'seminar', 'workshop', 'training',
                        'trade_fair', 'study_tour', 'alumni_gathering', 'business_matching', 'other')),
    start_date      TEXT NOT NULL,
    end_date        TEXT,
    place           TEXT,
    country         TEXT CHECK (length(country) = 2),
    organizer_id    INTEGER REFERENCES organizations (id) ON DELETE RESTRICT,
    visibility      TEXT NOT NULL CHECK (visibility IN ('private', 'network', 'public')),
    -- Flagged by an administrator as a hub of the network.
    network_hub     INTEGER NOT NULL DEFAULT 0 CHECK (network_hub IN (0, 1)),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    CHECK (name_native IS NOT NULL OR name_latin IS NOT NULL),
    CHECK (end_date IS NULL OR end_date >= substr(start_date, 1, length(end_date)))
) STRICT;

CREATE UNIQUE INDEX IF NOT EXISTS events_uid ON events (uid);
CREATE UNIQUE INDEX IF NOT EXISTS events_external_id ON events (external_id);
CREATE INDEX IF NOT EXISTS events_owner ON events (owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_organizer ON events (organizer_id) WHERE organizer_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_network_hub ON events (id) WHERE network_hub = 1;

DROP TABLE IF EXISTS ties_rebuilt;
CREATE TABLE ties_rebuilt (
    id              INTEGER PRIMARY KEY,
    uid             BLOB NOT NULL CHECK (length(uid) = 16),
    external_id     TEXT,
    owner_id        INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('studied_at', 'trained_at', 'employed_by',
                        'member_of', 'founded', 'mentored', 'hosted_intern', 'partnered_with',
                        'supervises', 'met_at', 'attended')),
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
    to_event_id     INTEGER REFERENCES events (id) ON DELETE CASCADE,
    event_id        INTEGER REFERENCES events (id) ON DELETE SET NULL,
    CHECK ((from_person_id IS NULL) <> (from_org_id IS NULL)),
    CHECK ((to_person_id IS NOT NULL) + (to_org_id IS NOT NULL) + (to_event_id IS NOT NULL) = 1),
    CHECK (end_date IS NULL OR end_date >= substr(start_date, 1, length(end_date))),
    CHECK (event_id IS NULL OR kind = 'met_at')
) STRICT;

INSERT INTO ties_rebuilt (id, uid, external_id, owner_id, kind, from_person_id, from_org_id,
        to_person_id, to_org_id, start_date, end_date, strength, role, note, asserted_by,
        asserted_at, visibility, created_at, updated_at)
    SELECT id, uid, external_id, owner_id, kind, from_person_id, from_org_id,
        to_person_id, to_org_id, start_date, end_date, strength, role, note, asserted_by,
        asserted_at, visibility, created_at, updated_at
    FROM ties;

DROP TABLE ties;
ALTER TABLE ties_rebuilt RENAME TO ties;

CREATE UNIQUE INDEX ties_uid ON ties (uid);
CREATE UNIQUE INDEX ties_external_id ON ties (external_id);
CREATE INDEX ties_from_person ON ties (from_person_id) WHERE from_person_id IS NOT NULL;
CREATE INDEX ties_from_org ON ties (from_org_id) WHERE from_org_id IS NOT NULL;
CREATE INDEX ties_to_person ON ties (to_person_id) WHERE to_person_id IS NOT NULL;
CREATE INDEX ties_to_org ON ties (to_org_id) WHERE to_org_id IS NOT NULL;
CREATE INDEX ties_to_event ON ties (to_event_id) WHERE to_event_id IS NOT NULL;
CREATE INDEX ties_event ON ties (event_id) WHERE event_id IS NOT NULL;

COMMIT;

PRAGMA foreign_keys = ON;
