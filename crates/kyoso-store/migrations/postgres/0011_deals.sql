-- The sides of a deal: what a business-partner or investment need seeks in
-- a partner (a JSON list, as offers' seeks are), and how much investment it
-- seeks; how much a company seeking to invest puts into one enterprise.
ALTER TABLE needs ADD COLUMN seeks TEXT NOT NULL DEFAULT '[]';
ALTER TABLE needs ADD COLUMN investment_usd BIGINT CHECK (investment_usd >= 0);
ALTER TABLE offers ADD COLUMN invests_from_usd BIGINT CHECK (invests_from_usd >= 0);
ALTER TABLE offers ADD COLUMN invests_up_to_usd BIGINT CHECK (invests_up_to_usd >= 0);
-- What offers sought is now named from the seeker's side: sales and supply
-- seek buyers, a licence seeks licensees, distribution seeks distributors.
UPDATE offers SET seeks = REPLACE(REPLACE(REPLACE(REPLACE(seeks,
    '"licence"', '"licence_out"'), '"sale"', '"buyer"'), '"supply"', '"buyer"'),
    '"distribution"', '"distributor"');
