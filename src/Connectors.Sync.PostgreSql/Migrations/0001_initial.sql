-- The durable state of the sync engine, in the schema the store was opened with (search_path).
-- Times are Unix ticks (100 ns, UTC) in bigint columns, taken from the clock the store was given, never
-- from the server's now(): every instance and every test sees the same time source. Quantities are numeric.

-- Webhook deliveries, stored before they are acknowledged; (source, event_id) deduplicates.
CREATE TABLE inbox (
    seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source       text   NOT NULL,
    event_id     text   NOT NULL,
    event_type   text   NOT NULL,
    body         bytea  NOT NULL,
    headers      text   NOT NULL,
    received_at  bigint NOT NULL,
    processed_at bigint,
    UNIQUE (source, event_id)
);
CREATE INDEX inbox_unprocessed ON inbox (seq) WHERE processed_at IS NULL;

-- Named high-water marks: exactly one of number_value and text_value is set.
CREATE TABLE cursors (
    name         text   PRIMARY KEY,
    number_value bigint,
    text_value   text,
    updated_at   bigint NOT NULL,
    CHECK ((number_value IS NULL) <> (text_value IS NULL))
);

-- Units of work under idempotency keys; a lease (owner, token, expiry) marks an item being worked on.
-- Pending items sharing an ordering_key are claimed one at a time, lowest seq first.
CREATE TABLE work_items (
    seq              bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key              text    NOT NULL UNIQUE,
    kind             text    NOT NULL,
    lane             text    NOT NULL,
    priority         integer NOT NULL,
    payload          text    NOT NULL,
    ordering_key     text,
    state            text    NOT NULL CHECK (state IN ('pending', 'completed', 'parked')),
    attempts         integer NOT NULL,
    next_attempt_at  bigint  NOT NULL,
    created_at       bigint  NOT NULL,
    updated_at       bigint  NOT NULL,
    last_error       text,
    lease_owner      text,
    lease_token      uuid,
    lease_expires_at bigint
);
CREATE INDEX work_items_due ON work_items (priority, next_attempt_at, seq) WHERE state = 'pending';
CREATE INDEX work_items_ordered ON work_items (ordering_key, seq) WHERE state = 'pending' AND ordering_key IS NOT NULL;

-- Stock memory per SKU and location: named quantities (names[i] holds quantities[i]), versioned for
-- optimistic writes.
CREATE TABLE ledger_entries (
    sku            text      NOT NULL,
    location       text      NOT NULL,
    quantity_names text[]    NOT NULL,
    quantities     numeric[] NOT NULL,
    version        bigint    NOT NULL,
    updated_at     bigint    NOT NULL,
    PRIMARY KEY (sku, location),
    CHECK (cardinality(quantity_names) = cardinality(quantities))
);

-- Source facts already applied to the ledger.
CREATE TABLE applied_facts (
    fact_key   text   PRIMARY KEY,
    applied_at bigint NOT NULL
);

-- Shopware id <-> Sitoo id, unique both ways per entity type.
CREATE TABLE links (
    entity_type text   NOT NULL,
    shopware_id text   NOT NULL,
    sitoo_id    text   NOT NULL,
    created_at  bigint NOT NULL,
    PRIMARY KEY (entity_type, shopware_id),
    UNIQUE (entity_type, sitoo_id)
);

-- The operators' list of problems: one record per (reason, entity).
CREATE TABLE exceptions (
    id                bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reason_code       text    NOT NULL,
    team              text    NOT NULL,
    entity_type       text    NOT NULL,
    entity_id         text    NOT NULL,
    message           text    NOT NULL,
    fix               text    NOT NULL,
    detail            text,
    remote_error      text,
    work_item_key     text,
    status            text    NOT NULL CHECK (status IN ('open', 'retrying', 'resolved', 'ignored')),
    attempts          integer NOT NULL,
    first_seen        bigint  NOT NULL,
    last_seen         bigint  NOT NULL,
    status_changed_at bigint  NOT NULL,
    UNIQUE (reason_code, entity_type, entity_id)
);
CREATE INDEX exceptions_recent ON exceptions (last_seen DESC, id DESC);

-- Pipeline run history.
CREATE TABLE runs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pipeline    text   NOT NULL,
    started_at  bigint NOT NULL,
    finished_at bigint,
    outcome     text   NOT NULL,
    counts      text   NOT NULL,
    error       text
);
CREATE INDEX runs_by_pipeline ON runs (pipeline, id DESC);
