-- One customer base across stores, derived from stored orders. An order points to the customer that owns its
-- e-mail (else its phone); customers that turn out to be one person are merged by pointing the younger at the older
-- (merged_into, and root_id for every member of the group), never by moving or rewriting orders, so a merge is
-- recorded in customer_merge and can be undone. Runs unchanged on MariaDB 10.6+ and on H2 in MariaDB mode.

-- The country whose phone numbers a store's orders carry without a country code (ISO 3166 alpha-2); NULL: only
-- numbers written with their country code (+…) are matched.
ALTER TABLE store ADD COLUMN country VARCHAR(2) NULL;

-- The customer's phone as the source wrote it (billing phone).
ALTER TABLE orders ADD COLUMN customer_phone VARCHAR(64) NULL;
-- The customer the order was attached to when stored (NULL: the order names no usable e-mail or phone).
ALTER TABLE orders ADD COLUMN customer_id BIGINT NULL;
CREATE INDEX ix_orders_customer ON orders (customer_id);

CREATE TABLE customer (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    -- the customer this one was merged into (NULL: not merged); undone merges clear it
    merged_into  BIGINT      NULL,
    -- the customer at the top of this one's merges (NULL: this one is at the top), so a group is one indexed read
    root_id      BIGINT      NULL,
    -- the key it was created for (EMAIL:… or PHONE:…): a page inserts its new customers in one batch and reads
    -- their ids back by it
    seed_key     VARCHAR(330) NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_customer_seed UNIQUE (seed_key)
);

CREATE INDEX ix_customer_root ON customer (root_id);

-- What finds a customer: a normalized e-mail (trimmed, lower-case) or phone (E.164). One owner per value.
CREATE TABLE customer_key (
    kind         VARCHAR(5)   NOT NULL,
    key_value    VARCHAR(320) NOT NULL,
    customer_id  BIGINT       NOT NULL,
    PRIMARY KEY (kind, key_value),
    CONSTRAINT fk_customer_key_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);

CREATE INDEX ix_customer_key_customer ON customer_key (customer_id);

CREATE TABLE customer_merge (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    survivor_id        BIGINT       NOT NULL,
    absorbed_id        BIGINT       NOT NULL,
    -- the key and the order that showed the two are one
    reason_kind        VARCHAR(5)   NOT NULL,
    reason_value       VARCHAR(320) NOT NULL,
    connection_id      BIGINT       NULL,
    order_external_id  VARCHAR(100) NULL,
    merged_at          DATETIME(6)  NOT NULL,
    undone_at          DATETIME(6)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_customer_merge_survivor FOREIGN KEY (survivor_id) REFERENCES customer (id),
    CONSTRAINT fk_customer_merge_absorbed FOREIGN KEY (absorbed_id) REFERENCES customer (id)
);

CREATE INDEX ix_customer_merge_absorbed ON customer_merge (absorbed_id);
