-- Technical intern training placements, monitoring visits, confidential
-- grievances with their own trail, and what happens after return:
-- follow-ups and outcomes.

CREATE TABLE titp_placements (
    id                  INTEGER PRIMARY KEY,
    participation_id    INTEGER NOT NULL REFERENCES participations (id) ON DELETE CASCADE,
    phase               TEXT NOT NULL CHECK (phase IN ('i', 'ii', 'iii')),
    start_date          TEXT NOT NULL,
    end_date            TEXT NOT NULL,
    supervising_id      INTEGER NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
    implementing_id     INTEGER NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
    job_category        TEXT NOT NULL,
    created_at          INTEGER NOT NULL,
    CHECK (end_date >= start_date)
) STRICT;

CREATE INDEX titp_placements_participation ON titp_placements (participation_id, start_date);
CREATE INDEX titp_placements_supervising ON titp_placements (supervising_id);

CREATE TABLE monitoring_visits (
    id                  INTEGER PRIMARY KEY,
    uid                 BLOB NOT NULL UNIQUE CHECK (length(uid) = 16),
    participation_id    INTEGER NOT NULL REFERENCES participations (id) ON DELETE CASCADE,
    visited_on          TEXT NOT NULL,
    findings            TEXT NOT NULL,
    actions             TEXT,
    recorded_by         TEXT NOT NULL,
    created_at          INTEGER NOT NULL
) STRICT;

CREATE INDEX monitoring_visits_participation ON monitoring_visits (participation_id, visited_on);

-- Grievances are confidential: their trail is kept here, not in the audit
-- log that officers of the program's organization read.
CREATE TABLE grievances (
    id                  INTEGER PRIMARY KEY,
    uid                 BLOB NOT NULL UNIQUE CHECK (length(uid) = 16),
    participation_id    INTEGER NOT NULL REFERENCES participations (id) ON DELETE CASCADE,
    supervising_id      INTEGER NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
    raised_on           TEXT NOT NULL,
    category            TEXT NOT NULL CHECK (category IN ('wages', 'working_hours', 'safety', 'housing',
                            'harassment', 'contract', 'health', 'other')),
    description         TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
) STRICT;

CREATE INDEX grievances_supervising ON grievances (supervising_id, status);
CREATE INDEX grievances_participation ON grievances (participation_id);

CREATE TABLE grievance_events (
    grievance_id        INTEGER NOT NULL REFERENCES grievances (id) ON DELETE CASCADE,
    number              INTEGER NOT NULL,
    at                  INTEGER NOT NULL,
    actor               TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
    note                TEXT,
    PRIMARY KEY (grievance_id, number)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER grievance_events_never_change BEFORE UPDATE ON grievance_events
BEGIN
    SELECT RAISE(ABORT, 'grievance events are never changed; record a new one');
END;

CREATE TABLE follow_ups (
    id                  INTEGER PRIMARY KEY,
    uid                 BLOB NOT NULL UNIQUE CHECK (length(uid) = 16),
    participation_id    INTEGER NOT NULL REFERENCES participations (id) ON DELETE CASCADE,
    on_date             TEXT NOT NULL,
    channel             TEXT NOT NULL CHECK (channel IN ('visit', 'phone', 'email', 'online', 'survey', 'event')),
    status              TEXT NOT NULL CHECK (status IN ('reached', 'unreachable', 'declined')),
    note                TEXT,
    recorded_by         TEXT NOT NULL,
    created_at          INTEGER NOT NULL
) STRICT;

CREATE INDEX follow_ups_participation ON follow_ups (participation_id, on_date);

CREATE TABLE outcomes (
    id                  INTEGER PRIMARY KEY,
    uid                 BLOB NOT NULL UNIQUE CHECK (length(uid) = 16),
    participation_id    INTEGER NOT NULL REFERENCES participations (id) ON DELETE CASCADE,
    kind                TEXT NOT NULL CHECK (kind IN ('employed', 'promoted', 'founded', 'became_trainer',
                            'contributed_knowledge')),
    on_date             TEXT NOT NULL,
    organization_id     INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    japanese_affiliated INTEGER CHECK (japanese_affiliated IN (0, 1)),
    jobs_created        INTEGER CHECK (jobs_created >= 0),
    people_supported    INTEGER CHECK (people_supported >= 0),
    note                TEXT,
    recorded_by         TEXT NOT NULL,
    created_at          INTEGER NOT NULL
) STRICT;

CREATE INDEX outcomes_participation ON outcomes (participation_id);

-- The ties an outcome implies (employed_by, founded).
CREATE TABLE outcome_ties (
    outcome_id          INTEGER NOT NULL REFERENCES outcomes (id) ON DELETE CASCADE,
    tie_id              INTEGER NOT NULL REFERENCES ties (id) ON DELETE CASCADE,
    PRIMARY KEY (outcome_id, tie_id)
) STRICT, WITHOUT ROWID;
