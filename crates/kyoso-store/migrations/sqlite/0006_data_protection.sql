-- Data protection (docs/DATA-PROTECTION.md): trails name users by id only,
-- erasures are recorded so that they can be replayed after a restore, and
-- people may ask for their record to be erased.

-- Trails named users by email; they name them by id from now on. An email
-- whose account is gone becomes 'user:removed'.
CREATE TEMP TABLE user_actors AS
    SELECT 'user:' || email AS old,
           'user:' || lower(substr(hex(uid), 1, 8) || '-' || substr(hex(uid), 9, 4) || '-'
               || substr(hex(uid), 13, 4) || '-' || substr(hex(uid), 17, 4) || '-'
               || substr(hex(uid), 21, 12)) AS new
    FROM users;

UPDATE audit_log SET actor = coalesce((SELECT new FROM user_actors WHERE old = actor), 'user:removed')
    WHERE actor LIKE 'user:%@%';
UPDATE ties SET asserted_by = coalesce((SELECT new FROM user_actors WHERE old = asserted_by), 'user:removed')
    WHERE asserted_by LIKE 'user:%@%';
UPDATE monitoring_visits SET recorded_by = coalesce((SELECT new FROM user_actors WHERE old = recorded_by), 'user:removed')
    WHERE recorded_by LIKE 'user:%@%';
UPDATE follow_ups SET recorded_by = coalesce((SELECT new FROM user_actors WHERE old = recorded_by), 'user:removed')
    WHERE recorded_by LIKE 'user:%@%';
UPDATE outcomes SET recorded_by = coalesce((SELECT new FROM user_actors WHERE old = recorded_by), 'user:removed')
    WHERE recorded_by LIKE 'user:%@%';

-- The append-only trails: rewritten once here, then never again but for an
-- erasure removing a note.
DROP TRIGGER journey_entries_never_change;
UPDATE journey_entries SET recorded_by = coalesce((SELECT new FROM user_actors WHERE old = recorded_by), 'user:removed')
    WHERE recorded_by LIKE 'user:%@%';
CREATE TRIGGER journey_entries_never_change BEFORE UPDATE ON journey_entries
WHEN NEW.participation_id IS NOT OLD.participation_id OR NEW.number IS NOT OLD.number
    OR NEW.action IS NOT OLD.action OR NEW.to_state IS NOT OLD.to_state
    OR NEW.retracts IS NOT OLD.retracts OR NEW.on_date IS NOT OLD.on_date
    OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.recorded_at IS NOT OLD.recorded_at
    OR (NEW.note IS NOT NULL AND NEW.note IS NOT OLD.note)
BEGIN
    SELECT RAISE(ABORT, 'journey entries are never changed; record a new entry');
END;

DROP TRIGGER grievance_events_never_change;
UPDATE grievance_events SET actor = coalesce((SELECT new FROM user_actors WHERE old = actor), 'user:removed')
    WHERE actor LIKE 'user:%@%';
CREATE TRIGGER grievance_events_never_change BEFORE UPDATE ON grievance_events
WHEN NEW.grievance_id IS NOT OLD.grievance_id OR NEW.number IS NOT OLD.number
    OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor OR NEW.status IS NOT OLD.status
    OR (NEW.note IS NOT NULL AND NEW.note IS NOT OLD.note)
BEGIN
    SELECT RAISE(ABORT, 'grievance events are never changed; record a new one');
END;

DROP TRIGGER match_events_never_change;
UPDATE match_events SET actor = coalesce((SELECT new FROM user_actors WHERE old = actor), 'user:removed')
    WHERE actor LIKE 'user:%@%';
CREATE TRIGGER match_events_never_change BEFORE UPDATE ON match_events
WHEN NEW.match_id IS NOT OLD.match_id OR NEW.number IS NOT OLD.number
    OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor OR NEW.status IS NOT OLD.status
    OR NEW.outcome IS NOT OLD.outcome
    OR (NEW.note IS NOT NULL AND NEW.note IS NOT OLD.note)
BEGIN
    SELECT RAISE(ABORT, 'match events are never changed; record a new one');
END;

DROP TABLE user_actors;

-- Every erasure carried out: whose record, when, by whom (by id). Kept so
-- that erasures can be replayed on a database restored from a backup made
-- before them (`kyoso db erasures`).
CREATE TABLE erasures (
    id                  INTEGER PRIMARY KEY,
    person_uid          BLOB NOT NULL CHECK (length(person_uid) = 16),
    erased_at           INTEGER NOT NULL,
    erased_by           TEXT NOT NULL
) STRICT;

-- A person's request to have their record erased, and what became of it:
-- carried out, or postponed with the reason why it cannot be yet.
CREATE TABLE erasure_requests (
    id                  INTEGER PRIMARY KEY,
    uid                 BLOB NOT NULL UNIQUE CHECK (length(uid) = 16),
    person_id           INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    requested_at        INTEGER NOT NULL,
    requested_by        TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('pending', 'postponed', 'done')),
    reason              TEXT,
    decided_at          INTEGER,
    decided_by          TEXT
) STRICT;

CREATE INDEX erasure_requests_person ON erasure_requests (person_id, id);
CREATE INDEX erasure_requests_status ON erasure_requests (status, id);
