-- Retention: pruning finds its oldest rows by time through these, instead of scanning whole tables.
-- The inbox index holds processed deliveries only: pending ones are never pruned.
CREATE INDEX inbox_processed_by_age ON inbox (received_at) WHERE processed_at IS NOT NULL;
CREATE INDEX applied_facts_by_age ON applied_facts (applied_at);
CREATE INDEX runs_by_age ON runs (started_at);
