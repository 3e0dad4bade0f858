-- What a connector learned of a connection's site and may take again without a request (SiteFacts: the currency,
-- the API's filters and routes), kept for the API URL it was read from (a SHA-256 of it) and forgotten when a run of
-- the connection fails.
CREATE TABLE connection_fact (
    connection_id  BIGINT        NOT NULL,
    name           VARCHAR(100)  NOT NULL,
    api_url_hash   VARCHAR(64)   NOT NULL,
    fact_value     VARCHAR(2000) NULL,
    read_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (connection_id, name),
    CONSTRAINT fk_fact_connection FOREIGN KEY (connection_id) REFERENCES connection (id) ON DELETE CASCADE
);
