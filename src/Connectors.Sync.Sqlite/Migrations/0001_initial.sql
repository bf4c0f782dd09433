-- The durable state of the sync engine. Times are Unix ticks (100 ns, UTC) in INTEGER columns;
-- quantities are exact decimals in JSON text, never REAL.

-- Webhook deliveries, stored before they are acknowledged; (source, event_id) deduplicates.
CREATE TABLE inbox (
    seq          INTEGER PRIMARY KEY,
    source       TEXT    NOT NULL,
    event_id     TEXT    NOT NULL,
    event_type   TEXT    NOT NULL,
    body         BLOB    NOT NULL,
    headers      TEXT    NOT NULL,
    received_at  INTEGER NOT NULL,
    processed_at INTEGER,
    UNIQUE (source, event_id)
);
CREATE INDEX inbox_unprocessed ON inbox (seq) WHERE processed_at IS NULL;

-- Named high-water marks: exactly one of number_value and text_value is set.
CREATE TABLE cursors (
    name         TEXT    PRIMARY KEY,
    number_value INTEGER,
    text_value   TEXT,
    updated_at   INTEGER NOT NULL,
    CHECK ((number_value IS NULL) <> (text_value IS NULL))
) WITHOUT ROWID;

-- Units of work under idempotency keys; a lease (owner, token, expiry) marks an item being worked on.
-- Pending items sharing an ordering_key are claimed one at a time, lowest seq first.
CREATE TABLE work_items (
    seq              INTEGER PRIMARY KEY,
    key              TEXT    NOT NULL UNIQUE,
    kind             TEXT    NOT NULL,
    lane             TEXT    NOT NULL,
    priority         INTEGER NOT NULL,
    payload          TEXT    NOT NULL,
    ordering_key     TEXT,
    state            TEXT    NOT NULL CHECK (state IN ('pending', 'completed', 'parked')),
    attempts         INTEGER NOT NULL,
    next_attempt_at  INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    last_error       TEXT,
    lease_owner      TEXT,
    lease_token      TEXT,
    lease_expires_at INTEGER
);
CREATE INDEX work_items_due ON work_items (priority, next_attempt_at, seq) WHERE state = 'pending';
CREATE INDEX work_items_ordered ON work_items (ordering_key, seq) WHERE state = 'pending' AND ordering_key IS NOT NULL;

-- Stock memory per SKU and location: named quantities, versioned for optimistic writes.
CREATE TABLE ledger_entries (
    sku        TEXT    NOT NULL,
    location   TEXT    NOT NULL,
    quantities TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (sku, location)
) WITHOUT ROWID;

-- Source facts already applied to the ledger.
CREATE TABLE applied_facts (
    fact_key   TEXT    PRIMARY KEY,
    applied_at INTEGER NOT NULL
) WITHOUT ROWID;

-- Shopware id <-> Sitoo id, unique both ways per entity type.
CREATE TABLE links (
    entity_type TEXT    NOT NULL,
    shopware_id TEXT    NOT NULL,
    sitoo_id    TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (entity_type, shopware_id),
    UNIQUE (entity_type, sitoo_id)
) WITHOUT ROWID;

-- The operators' list of problems: one record per (reason, entity).
CREATE TABLE exceptions (
    id                INTEGER PRIMARY KEY,
    reason_code       TEXT    NOT NULL,
    team              TEXT    NOT NULL,
    entity_type       TEXT    NOT NULL,
    entity_id         TEXT    NOT NULL,
    message           TEXT    NOT NULL,
    fix               TEXT    NOT NULL,
    detail            TEXT,
    remote_error      TEXT,
    work_item_key     TEXT,
    status            TEXT    NOT NULL CHECK (status IN ('open', 'retrying', 'resolved', 'ignored')),
    attempts          INTEGER NOT NULL,
    first_seen        INTEGER NOT NULL,
    last_seen         INTEGER NOT NULL,
    status_changed_at INTEGER NOT NULL,
    UNIQUE (reason_code, entity_type, entity_id)
);
CREATE INDEX exceptions_recent ON exceptions (last_seen DESC, id DESC);

-- Pipeline run history.
CREATE TABLE runs (
    id          INTEGER PRIMARY KEY,
    pipeline    TEXT    NOT NULL,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    outcome     TEXT    NOT NULL,
    counts      TEXT    NOT NULL,
    error       TEXT
);
CREATE INDEX runs_by_pipeline ON runs (pipeline, id DESC);
