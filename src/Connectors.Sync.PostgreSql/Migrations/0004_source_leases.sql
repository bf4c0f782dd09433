-- Which instance polls each source. expires_at 0 is a lease nobody holds; wanted_at is when a webhook last announced
-- a change of the source, for the holder to poll at once.
CREATE TABLE source_leases (
    source     text   PRIMARY KEY,
    owner      text   NOT NULL,
    expires_at bigint NOT NULL,
    wanted_at  bigint
);
