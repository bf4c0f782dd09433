-- Which instance polls each source. expires_at 0 is a lease nobody holds; wanted_at is when a webhook last announced
-- a change of the source, for the holder to poll at once.
CREATE TABLE source_leases (
    source     TEXT    PRIMARY KEY,
    owner      TEXT    NOT NULL,
    expires_at INTEGER NOT NULL,
    wanted_at  INTEGER
) WITHOUT ROWID;
