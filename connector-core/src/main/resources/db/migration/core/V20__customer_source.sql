-- Customer accounts as a source system keeps them (WooCommerce's registered customers, say), so a person who
-- registered in a shop but never ordered is in the customer base too. One row per (connection, external id), written
-- by the record writer like products and orders (content hash: an unchanged account is not written again; deleted_at
-- as on the other record tables, cleared when a record is read again). customer_id is the central customer the
-- account's e-mail (else its phone) leads to, set in the page's transaction by the same rules as an order's; NULL when
-- the account has neither. Runs unchanged on MariaDB 10.6+ and on H2 in MariaDB mode.
CREATE TABLE customer_source (
    connection_id      BIGINT         NOT NULL,
    external_id        VARCHAR(100)   NOT NULL,
    customer_id        BIGINT         NULL,
    email              VARCHAR(320)   NULL,
    phone              VARCHAR(64)    NULL,
    -- first and last name joined, as the source wrote them
    name               VARCHAR(400)   NULL,
    source_created_at  DATETIME(6)    NULL,
    -- the source's modification time; the time of the write when the source gives none (as on products, orders)
    source_updated_at  DATETIME(6)    NULL,
    content_hash       CHAR(64)       NOT NULL,
    raw_json           LONGTEXT       NOT NULL,
    stored_at          DATETIME(6)    NOT NULL,
    deleted_at         DATETIME(6)    NULL,
    PRIMARY KEY (connection_id, external_id),
    CONSTRAINT fk_customer_source_connection FOREIGN KEY (connection_id) REFERENCES connection (id)
        ON DELETE CASCADE
);

-- a customer's detail lists its source records: one indexed read per customer group
CREATE INDEX ix_customer_source_customer ON customer_source (customer_id);
