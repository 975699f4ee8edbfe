-- What a course asks and offers, which training needs are matched on: the
-- last day to apply, where it is taught, and the languages it is taught in
-- with the least level a participant needs (a JSON list, "ja:N3").
ALTER TABLE cohorts ADD COLUMN apply_by DATE;
ALTER TABLE cohorts ADD COLUMN mode TEXT CHECK (mode IN ('in_japan', 'in_country', 'both', 'online'));
ALTER TABLE cohorts ADD COLUMN languages TEXT NOT NULL DEFAULT '[]';
-- How a training need asks the course to be taught.
ALTER TABLE needs ADD COLUMN course_mode TEXT CHECK (course_mode IN ('in_japan', 'in_country', 'both', 'online'));
