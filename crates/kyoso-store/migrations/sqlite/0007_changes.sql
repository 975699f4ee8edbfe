-- The change feed: every write appends what it changed, in its own
-- transaction, so that what kyoso keeps in memory (read models, later the
-- search index) follows the records. `record_uid` is NULL when a write
-- changed many records of the table (an import).
CREATE TABLE changes (
    seq                 INTEGER PRIMARY KEY,
    at                  INTEGER NOT NULL,
    record_table        TEXT NOT NULL,
    record_uid          BLOB CHECK (record_uid IS NULL OR length(record_uid) = 16)
) STRICT;
