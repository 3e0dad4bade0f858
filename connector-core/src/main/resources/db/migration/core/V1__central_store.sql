-- The central store: one schema for every shop's data. Written to run unchanged on MariaDB 10.6+ and on H2
-- in MariaDB mode. Times are UTC. Money is DECIMAL(20,6): 14 integer digits, 6 decimals, never floating point.

CREATE TABLE store (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    code        VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_store_code UNIQUE (code)
);

INSERT INTO store (code, name, created_at) VALUES ('default', 'Default store', CURRENT_TIMESTAMP(6));

CREATE TABLE connection (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    store_id           BIGINT        NOT NULL,
    system_id          VARCHAR(40)   NOT NULL,
    name               VARCHAR(200)  NOT NULL,
    api_url            VARCHAR(2000) NOT NULL,
    -- credential values the connector declares as not secret (an auth mode, say), as a JSON object
    options_json       TEXT          NOT NULL,
    -- the secret credential values as one AES-256-GCM sealed JSON object: v1:<key id>:<base64>
    secrets_encrypted  TEXT          NULL,
    -- the names (never the values) of the sealed fields, so listings need no decryption
    secret_fields      VARCHAR(500)  NOT NULL,
    enabled            BOOLEAN       NOT NULL,
    created_at         DATETIME(6)   NOT NULL,
    updated_at         DATETIME(6)   NOT NULL,
    version            BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_connection_store_name UNIQUE (store_id, name),
    CONSTRAINT fk_connection_store FOREIGN KEY (store_id) REFERENCES store (id)
);

CREATE TABLE sync_cursor (
    connection_id  BIGINT       NOT NULL,
    entity         VARCHAR(20)  NOT NULL,
    modified_at    DATETIME(6)  NULL,
    last_id        VARCHAR(100) NULL,
    updated_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (connection_id, entity),
    CONSTRAINT fk_cursor_connection FOREIGN KEY (connection_id) REFERENCES connection (id) ON DELETE CASCADE
);

CREATE TABLE sync_run (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    connection_id    BIGINT        NOT NULL,
    entity           VARCHAR(20)   NOT NULL,
    trigger_type     VARCHAR(20)   NOT NULL,
    full_read        BOOLEAN       NOT NULL,
    outcome          VARCHAR(20)   NOT NULL,
    started_at       DATETIME(6)   NOT NULL,
    finished_at      DATETIME(6)   NULL,
    read_count       BIGINT        NOT NULL,
    inserted_count   BIGINT        NOT NULL,
    updated_count    BIGINT        NOT NULL,
    unchanged_count  BIGINT        NOT NULL,
    error_message    VARCHAR(2000) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_run_connection FOREIGN KEY (connection_id) REFERENCES connection (id) ON DELETE CASCADE
);

CREATE INDEX ix_run_connection_started ON sync_run (connection_id, entity, started_at);

CREATE TABLE product (
    connection_id       BIGINT         NOT NULL,
    external_id         VARCHAR(100)   NOT NULL,
    parent_external_id  VARCHAR(100)   NULL,
    sku                 VARCHAR(255)   NULL,
    name                VARCHAR(1000)  NULL,
    product_type        VARCHAR(50)    NULL,
    status              VARCHAR(50)    NULL,
    price               DECIMAL(20, 6) NULL,
    currency            VARCHAR(3)     NULL,
    stock_quantity      INT            NULL,
    source_created_at   DATETIME(6)    NULL,
    source_updated_at   DATETIME(6)    NULL,
    content_hash        CHAR(64)       NOT NULL,
    raw_json            LONGTEXT       NOT NULL,
    synced_at           DATETIME(6)    NOT NULL,
    PRIMARY KEY (connection_id, external_id),
    CONSTRAINT fk_product_connection FOREIGN KEY (connection_id) REFERENCES connection (id) ON DELETE CASCADE
);

CREATE INDEX ix_product_sku ON product (connection_id, sku);

CREATE TABLE orders (
    connection_id      BIGINT         NOT NULL,
    external_id        VARCHAR(100)   NOT NULL,
    order_number       VARCHAR(100)   NULL,
    status             VARCHAR(50)    NULL,
    currency           VARCHAR(3)     NULL,
    total              DECIMAL(20, 6) NULL,
    total_tax          DECIMAL(20, 6) NULL,
    shipping_total     DECIMAL(20, 6) NULL,
    discount_total     DECIMAL(20, 6) NULL,
    customer_email     VARCHAR(320)   NULL,
    customer_name      VARCHAR(400)   NULL,
    source_created_at  DATETIME(6)    NULL,
    source_updated_at  DATETIME(6)    NULL,
    content_hash       CHAR(64)       NOT NULL,
    raw_json           LONGTEXT       NOT NULL,
    synced_at          DATETIME(6)    NOT NULL,
    PRIMARY KEY (connection_id, external_id),
    CONSTRAINT fk_orders_connection FOREIGN KEY (connection_id) REFERENCES connection (id) ON DELETE CASCADE
);

CREATE INDEX ix_orders_status ON orders (connection_id, status);
CREATE INDEX ix_orders_created ON orders (connection_id, source_created_at);

CREATE TABLE order_line (
    connection_id        BIGINT         NOT NULL,
    order_external_id    VARCHAR(100)   NOT NULL,
    line_no              INT            NOT NULL,
    external_id          VARCHAR(100)   NULL,
    product_external_id  VARCHAR(100)   NULL,
    sku                  VARCHAR(255)   NULL,
    name                 VARCHAR(1000)  NULL,
    quantity             DECIMAL(20, 6) NULL,
    unit_price           DECIMAL(20, 6) NULL,
    total                DECIMAL(20, 6) NULL,
    PRIMARY KEY (connection_id, order_external_id, line_no),
    CONSTRAINT fk_line_order FOREIGN KEY (connection_id, order_external_id)
        REFERENCES orders (connection_id, external_id) ON DELETE CASCADE
);
