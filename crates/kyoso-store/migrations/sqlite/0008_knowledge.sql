-- Knowledge: lessons learned, and questions to the network with their
-- answers. A lesson's sectors are a JSON array of codes, as a need's are.

CREATE TABLE lessons (
    id                  INTEGER PRIMARY KEY,
    uid                 BLOB NOT NULL UNIQUE CHECK (length(uid) = 16),
    owner_id            INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    language            TEXT NOT NULL CHECK (length(language) = 2),
    title               TEXT NOT NULL,
    practice            TEXT NOT NULL,
    adaptation          TEXT NOT NULL,
    context             TEXT,
    result              TEXT,
    country             TEXT CHECK (length(country) = 2),
    sectors             TEXT NOT NULL DEFAULT '[]',
    technology_id       INTEGER REFERENCES offers (id) ON DELETE SET NULL,
    program_id          INTEGER REFERENCES programs (id) ON DELETE SET NULL,
    visibility          TEXT NOT NULL CHECK (visibility IN ('private', 'network', 'public')),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
) STRICT;

CREATE INDEX lessons_owner ON lessons (owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX lessons_updated ON lessons (updated_at);

-- The people a lesson came from.
CREATE TABLE lesson_people (
    lesson_id           INTEGER NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
    person_id           INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (lesson_id, person_id)
) STRICT;

CREATE INDEX lesson_people_person ON lesson_people (person_id);

CREATE TABLE questions (
    id                  INTEGER PRIMARY KEY,
    uid                 BLOB NOT NULL UNIQUE CHECK (length(uid) = 16),
    owner_id            INTEGER REFERENCES organizations (id) ON DELETE SET NULL,
    asked_by_id         INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    language            TEXT NOT NULL CHECK (length(language) = 2),
    title               TEXT NOT NULL,
    body                TEXT,
    country             TEXT CHECK (length(country) = 2),
    sectors             TEXT NOT NULL DEFAULT '[]',
    visibility          TEXT NOT NULL CHECK (visibility IN ('network', 'public')),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
) STRICT;

CREATE INDEX questions_asked_by ON questions (asked_by_id);
CREATE INDEX questions_updated ON questions (updated_at);

CREATE TABLE answers (
    id                  INTEGER PRIMARY KEY,
    uid                 BLOB NOT NULL UNIQUE CHECK (length(uid) = 16),
    question_id         INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    person_id           INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    language            TEXT NOT NULL CHECK (length(language) = 2),
    body                TEXT NOT NULL,
    accepted            INTEGER NOT NULL DEFAULT 0 CHECK (accepted IN (0, 1)),
    created_at          INTEGER NOT NULL
) STRICT;

CREATE INDEX answers_question ON answers (question_id, id);
CREATE INDEX answers_person ON answers (person_id);
-- A question has at most one accepted answer.
CREATE UNIQUE INDEX answers_accepted ON answers (question_id) WHERE accepted = 1;
