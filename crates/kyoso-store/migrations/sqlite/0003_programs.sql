-- Programs, their cohorts, and the people who take part: each
-- participation's journey is an append-only list of entries.

CREATE TABLE programs (
    id                  INTEGER PRIMARY KEY,
    uid                 BLOB NOT NULL UNIQUE CHECK (length(uid) = 16),
    external_id         TEXT UNIQUE,
    owner_id            INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    program_type        TEXT NOT NULL CHECK (program_type IN ('training_in_japan', 'overseas_training',
                            'expert_dispatch', 'internship', 'technical_intern_training',
                            'demonstration_project', 'pre_departure_training', 'seminar_series')),
    name_native         TEXT,
    name_latin          TEXT,
    name_japanese       TEXT,
    organizer_id        INTEGER NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
    countries           TEXT NOT NULL DEFAULT '[]',
    sectors             TEXT NOT NULL DEFAULT '[]',
    sdgs                TEXT NOT NULL DEFAULT '[]',
    start_date          TEXT NOT NULL,
    end_date            TEXT,
    budget_amount       INTEGER,
    budget_currency     TEXT CHECK (length(budget_currency) = 3),
    stage               TEXT CHECK (stage IN ('technology_transfer', 'promotion', 'diffusion', 'education')),
    description         TEXT,
    -- A demonstration project's provider and local partner; the rest of it
    -- (technology, country, milestones, results) as JSON.
    provider_id         INTEGER REFERENCES organizations (id) ON DELETE RESTRICT,
    local_partner_id    INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    demonstration       TEXT,
    visibility          TEXT NOT NULL CHECK (visibility IN ('private', 'network', 'public')),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    CHECK (name_native IS NOT NULL OR name_latin IS NOT NULL),
    CHECK ((budget_amount IS NULL) = (budget_currency IS NULL))
) STRICT;

CREATE INDEX programs_organizer ON programs (organizer_id);
CREATE INDEX programs_owner ON programs (owner_id) WHERE owner_id IS NOT NULL;

-- Partners and funders of a program.
CREATE TABLE program_organizations (
    program_id          INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    organization_id     INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    relation            TEXT NOT NULL CHECK (relation IN ('partner', 'funder')),
    source              TEXT CHECK (source IN ('oda', 'private', 'fund')),
    position            INTEGER NOT NULL,
    PRIMARY KEY (program_id, relation, organization_id),
    CHECK ((relation = 'funder') = (source IS NOT NULL))
) STRICT;

CREATE INDEX program_organizations_organization ON program_organizations (organization_id);

CREATE TABLE cohorts (
    id                  INTEGER PRIMARY KEY,
    uid                 BLOB NOT NULL UNIQUE CHECK (length(uid) = 16),
    program_id          INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    name                TEXT NOT NULL,
    start_date          TEXT NOT NULL,
    end_date            TEXT,
    capacity            INTEGER CHECK (capacity > 0),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
) STRICT;

CREATE INDEX cohorts_program ON cohorts (program_id);

CREATE TABLE participations (
    id                  INTEGER PRIMARY KEY,
    uid                 BLOB NOT NULL UNIQUE CHECK (length(uid) = 16),
    external_id         TEXT UNIQUE,
    program_id          INTEGER NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
    cohort_id           INTEGER REFERENCES cohorts (id) ON DELETE SET NULL,
    person_id           INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role                TEXT NOT NULL CHECK (role IN ('trainee', 'intern', 'technical_intern',
                            'expert', 'mentor', 'lecturer')),
    host_id             INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    note                TEXT,
    -- The day the person applied: where the journey begins.
    applied_on          TEXT NOT NULL,
    -- Where the journey stands, kept beside its entries for boards and lists.
    state               TEXT NOT NULL CHECK (state IN ('applied', 'selected', 'pre_departure', 'active',
                            'completed', 'returned', 'follow_up', 'withdrawn', 'rejected')),
    state_since         TEXT,
    -- For returnees: their last follow-up, or their return; the work list
    -- shows those whose day is long past.
    follow_up_due       TEXT,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
) STRICT;

CREATE INDEX participations_cohort ON participations (cohort_id, state) WHERE cohort_id IS NOT NULL;
CREATE INDEX participations_program ON participations (program_id, state, state_since);
CREATE INDEX participations_follow_up ON participations (program_id, follow_up_due) WHERE follow_up_due IS NOT NULL;
CREATE INDEX participations_person ON participations (person_id);

CREATE TABLE journey_entries (
    participation_id    INTEGER NOT NULL REFERENCES participations (id) ON DELETE CASCADE,
    number              INTEGER NOT NULL CHECK (number > 0),
    action              TEXT NOT NULL CHECK (action IN ('move', 'retract')),
    to_state            TEXT CHECK (to_state IN ('applied', 'selected', 'pre_departure', 'active',
                            'completed', 'returned', 'follow_up', 'withdrawn', 'rejected')),
    retracts            INTEGER,
    on_date             TEXT NOT NULL,
    recorded_by         TEXT NOT NULL,
    note                TEXT,
    recorded_at         INTEGER NOT NULL,
    PRIMARY KEY (participation_id, number),
    CHECK ((action = 'move') = (to_state IS NOT NULL AND retracts IS NULL))
) STRICT, WITHOUT ROWID;

-- A journey's history is never rewritten.
CREATE TRIGGER journey_entries_never_change BEFORE UPDATE ON journey_entries
BEGIN
    SELECT RAISE(ABORT, 'journey entries are never changed; record a new entry');
END;

-- The ties a participation implies (trained_at, hosted_intern, ...), so
-- that they go when the participation no longer implies them.
CREATE TABLE participation_ties (
    participation_id    INTEGER NOT NULL REFERENCES participations (id) ON DELETE CASCADE,
    tie_id              INTEGER NOT NULL REFERENCES ties (id) ON DELETE CASCADE,
    PRIMARY KEY (participation_id, tie_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX participation_ties_tie ON participation_ties (tie_id);
