-- Where a need's candidates must be based (a JSON list of countries): a
-- person's residence, the country of a company or a technology's provider.
ALTER TABLE needs ADD COLUMN located_in TEXT NOT NULL DEFAULT '[]';
