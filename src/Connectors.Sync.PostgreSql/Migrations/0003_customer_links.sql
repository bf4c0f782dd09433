-- One person, several Shopware customer ids: each guest checkout's customer and the account registered later all link
-- to the same Sitoo user. Orders and products stay one-to-one.
ALTER TABLE links DROP CONSTRAINT links_entity_type_sitoo_id_key;
CREATE UNIQUE INDEX links_one_to_one ON links (entity_type, sitoo_id) WHERE entity_type <> 'customer';
CREATE INDEX links_by_sitoo_id ON links (entity_type, sitoo_id);
