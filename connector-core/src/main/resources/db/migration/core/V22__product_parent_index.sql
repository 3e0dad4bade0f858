-- A configurable product's stored children, found by parent: an incremental Magento read asks for them instead
-- of listing every configurable of the catalogue (StoredProductLinks).
CREATE INDEX ix_product_parent ON product (connection_id, parent_external_id);
