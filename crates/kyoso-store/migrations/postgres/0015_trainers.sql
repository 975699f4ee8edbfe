-- People who train others (a course, on-the-job training): training needs
-- are answered by them as by courses.
ALTER TABLE people ADD COLUMN available_training BOOLEAN NOT NULL DEFAULT FALSE;
