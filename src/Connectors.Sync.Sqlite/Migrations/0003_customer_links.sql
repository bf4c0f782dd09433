-- One person, several Shopware customer ids: each guest checkout's customer and the account registered later all link
-- to the same Sitoo user. Orders and products stay one-to-one. SQLite cannot drop a table constraint, so the table is rebuilt.
CREATE TABLE links_new (
    entity_type TEXT    NOT NULL,
    shopware_id TEXT    NOT NULL,
    sitoo_id    TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (entity_type, shopware_id)
) WITHOUT ROWID;
INSERT INTO links_new (entity_type, shopware_id, sitoo_id, created_at) SELECT entity_type, shopware_id, sitoo_id, created_at FROM links;
DROP TABLE links;
ALTER TABLE links_new RENAME TO links;
CREATE UNIQUE INDEX links_one_to_one ON links (entity_type, sitoo_id) WHERE entity_type <> 'customer';
CREATE INDEX links_by_sitoo_id ON links (entity_type, sitoo_id);
