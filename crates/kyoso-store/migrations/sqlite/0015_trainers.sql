-- People who train others (a course, on-the-job training): training needs
-- are answered by them as by courses.
ALTER TABLE people ADD COLUMN available_training INTEGER NOT NULL DEFAULT 0 CHECK (available_training IN (0, 1));
