-- The latest version of named documents (e.g. the drift report), shared by every instance.
CREATE TABLE snapshots (
    name     text   PRIMARY KEY,
    body     text   NOT NULL,
    saved_at bigint NOT NULL
);
