-- A lesson's text in other languages than its own. Kyoso never translates:
-- a translation is made elsewhere and marked draft (unchecked), translated
-- (by a person) or reviewed (checked by a second person).

CREATE TABLE lesson_translations (
    lesson_id           INTEGER NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
    language            TEXT NOT NULL CHECK (length(language) = 2),
    status              TEXT NOT NULL CHECK (status IN ('draft', 'translated', 'reviewed')),
    title               TEXT NOT NULL,
    practice            TEXT NOT NULL,
    adaptation          TEXT NOT NULL,
    context             TEXT,
    result              TEXT,
    updated_at          INTEGER NOT NULL,
    PRIMARY KEY (lesson_id, language)
) STRICT;
