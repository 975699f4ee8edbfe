-- When a person can take up work, and the countries they have lived or
-- worked in beside their residence: hard constraints of expertise needs.
ALTER TABLE people ADD COLUMN available_from TEXT;
ALTER TABLE people ADD COLUMN experience_countries TEXT NOT NULL DEFAULT '[]';
-- The day a need's people must be available by.
ALTER TABLE needs ADD COLUMN available_by TEXT;
