-- What a technology need asks of a technology: the least readiness level
-- (1 to 9), and where it must already be in use ('abroad' or a country).
ALTER TABLE needs ADD COLUMN min_readiness BIGINT CHECK (min_readiness BETWEEN 1 AND 9);
ALTER TABLE needs ADD COLUMN deployed TEXT;
