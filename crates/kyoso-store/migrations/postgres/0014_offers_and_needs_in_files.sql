-- The languages a company works in, or a technology's provider gives
-- support in, each at its level (a JSON list, "en:C1"): a need's
-- must-languages hold the offers that state any.
ALTER TABLE offers ADD COLUMN languages TEXT NOT NULL DEFAULT '[]';
-- Needs and offers come and go in files too: the key a file knows each by,
-- so that importing a file again changes what it changed before.
ALTER TABLE needs ADD COLUMN external_id TEXT;
ALTER TABLE offers ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX needs_external_id ON needs (external_id);
CREATE UNIQUE INDEX offers_external_id ON offers (external_id);
