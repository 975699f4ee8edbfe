-- Needs, offers and the matches between them. A need's and an offer's
-- lists (skills, sectors, languages, SDGs, countries) are JSON arrays of
-- their text forms; matching reads them whole, never inside.

CREATE TABLE needs (
    id                  INTEGER PRIMARY KEY,
    uid                 BLOB NOT NULL UNIQUE CHECK (length(uid) = 16),
    owner_id            INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    posted_by_person_id INTEGER REFERENCES people (id) ON DELETE CASCADE,
    posted_by_org_id    INTEGER REFERENCES organizations (id) ON DELETE CASCADE,
    kind                TEXT NOT NULL CHECK (kind IN ('expertise', 'technology', 'business_partner',
                            'training', 'mentoring', 'investment')),
    title               TEXT NOT NULL,
    description         TEXT,
    skills              TEXT NOT NULL DEFAULT '[]',
    required_skills     TEXT NOT NULL DEFAULT '[]',
    sectors             TEXT NOT NULL DEFAULT '[]',
    country             TEXT CHECK (length(country) = 2),
    require_country     INTEGER NOT NULL DEFAULT 0 CHECK (require_country IN (0, 1)),
    languages           TEXT NOT NULL DEFAULT '[]',
    require_available   INTEGER NOT NULL DEFAULT 0 CHECK (require_available IN (0, 1)),
    deadline            TEXT,
    status              TEXT NOT NULL CHECK (status IN ('open', 'matched', 'closed', 'expired')),
    visibility          TEXT NOT NULL CHECK (visibility IN ('private', 'network', 'public')),
    -- When the owner was last told that the need is about to expire.
    reminded_at         INTEGER,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    CHECK ((posted_by_person_id IS NULL) <> (posted_by_org_id IS NULL))
) STRICT;

CREATE INDEX needs_status ON needs (status, deadline);
CREATE INDEX needs_owner ON needs (owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX needs_posted_by_person ON needs (posted_by_person_id) WHERE posted_by_person_id IS NOT NULL;
CREATE INDEX needs_posted_by_org ON needs (posted_by_org_id) WHERE posted_by_org_id IS NOT NULL;

CREATE TABLE offers (
    id                  INTEGER PRIMARY KEY,
    uid                 BLOB NOT NULL UNIQUE CHECK (length(uid) = 16),
    owner_id            INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    provider_id         INTEGER NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    kind                TEXT NOT NULL CHECK (kind IN ('technology', 'partnership')),
    title               TEXT NOT NULL,
    description         TEXT,
    keywords            TEXT NOT NULL DEFAULT '[]',
    sectors             TEXT NOT NULL DEFAULT '[]',
    sdgs                TEXT NOT NULL DEFAULT '[]',
    readiness           INTEGER CHECK (readiness BETWEEN 1 AND 9),
    countries           TEXT NOT NULL DEFAULT '[]',
    seeks               TEXT NOT NULL DEFAULT '[]',
    capacity            TEXT,
    visibility          TEXT NOT NULL CHECK (visibility IN ('private', 'network', 'public')),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    CHECK ((kind = 'technology') = (readiness IS NOT NULL))
) STRICT;

CREATE INDEX offers_provider ON offers (provider_id);
CREATE INDEX offers_kind ON offers (kind, updated_at);

-- A candidate for a need: a person, an offer or a cohort (exactly one);
-- a technology's match may name a local champion too.
CREATE TABLE matches (
    id                  INTEGER PRIMARY KEY,
    uid                 BLOB NOT NULL UNIQUE CHECK (length(uid) = 16),
    need_id             INTEGER NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    person_id           INTEGER REFERENCES people (id) ON DELETE CASCADE,
    offer_id            INTEGER REFERENCES offers (id) ON DELETE CASCADE,
    cohort_id           INTEGER REFERENCES cohorts (id) ON DELETE CASCADE,
    champion_id         INTEGER REFERENCES people (id) ON DELETE SET NULL,
    score               REAL NOT NULL,
    -- The factors of the score when proposed, as JSON.
    reasons             TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('proposed', 'introduced', 'accepted', 'declined',
                            'collaborating', 'concluded')),
    outcome             TEXT CHECK (outcome IN ('agreement_signed', 'demonstration_done', 'hired', 'no_result')),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    CHECK ((person_id IS NOT NULL) + (offer_id IS NOT NULL) + (cohort_id IS NOT NULL) = 1),
    CHECK ((status = 'concluded') = (outcome IS NOT NULL))
) STRICT;

CREATE UNIQUE INDEX matches_need_person ON matches (need_id, person_id) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX matches_need_offer ON matches (need_id, offer_id) WHERE offer_id IS NOT NULL;
CREATE UNIQUE INDEX matches_need_cohort ON matches (need_id, cohort_id) WHERE cohort_id IS NOT NULL;
CREATE INDEX matches_person ON matches (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX matches_offer ON matches (offer_id) WHERE offer_id IS NOT NULL;
CREATE INDEX matches_status ON matches (status, updated_at);

CREATE TABLE match_events (
    match_id            INTEGER NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    number              INTEGER NOT NULL,
    at                  INTEGER NOT NULL,
    actor               TEXT NOT NULL,
    status              TEXT NOT NULL,
    outcome             TEXT,
    note                TEXT,
    PRIMARY KEY (match_id, number)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER match_events_never_change BEFORE UPDATE ON match_events
BEGIN
    SELECT RAISE(ABORT, 'match events are never changed; record a new one');
END;
