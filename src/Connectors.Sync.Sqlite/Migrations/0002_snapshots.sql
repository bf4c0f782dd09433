-- The latest version of named documents (e.g. the drift report), shared by every reader of the store.
CREATE TABLE snapshots (
    name     TEXT    PRIMARY KEY,
    body     TEXT    NOT NULL,
    saved_at INTEGER NOT NULL
) WITHOUT ROWID;
