-- API keys of the admin HTTP API. A key's token is never stored: only its SHA-256 (hex) and a short public prefix
-- that tells keys apart. Runs unchanged on MariaDB 10.6+ and on H2 in MariaDB mode. Times are UTC.

CREATE TABLE api_key (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    name          VARCHAR(200)  NOT NULL,
    -- the first characters of the token (shown in listings; not enough to use the key)
    token_prefix  VARCHAR(20)   NOT NULL,
    -- SHA-256 of the whole token, lower-case hex
    token_hash    VARCHAR(64)   NOT NULL,
    active        BOOLEAN       NOT NULL,
    -- ALL_STORES or SELECTED_STORES (then api_key_store lists them)
    access_type   VARCHAR(20)   NOT NULL,
    -- the allowed method names, comma-separated, in catalogue order
    methods       VARCHAR(1000) NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    last_used_at  DATETIME(6)   NULL,
    revoked_at    DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_api_key_hash UNIQUE (token_hash)
);

CREATE TABLE api_key_store (
    api_key_id  BIGINT NOT NULL,
    store_id    BIGINT NOT NULL,
    PRIMARY KEY (api_key_id, store_id),
    CONSTRAINT fk_api_key_store_key FOREIGN KEY (api_key_id) REFERENCES api_key (id) ON DELETE CASCADE,
    CONSTRAINT fk_api_key_store_store FOREIGN KEY (store_id) REFERENCES store (id) ON DELETE CASCADE
);

CREATE INDEX ix_api_key_store_store ON api_key_store (store_id);
CREATE INDEX ix_api_key_prefix ON api_key (token_prefix);
