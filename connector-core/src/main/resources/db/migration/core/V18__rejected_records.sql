-- Records a sync could not read (a wrong type, a null where a value is required, an absurd size), kept aside with
-- why and what the system sent, while the rest of their page was stored. Written in the page's transaction;
-- never read back into the records. Listed by run and by connection, newest first.
CREATE TABLE rejected_record (
    id             BIGINT         NOT NULL AUTO_INCREMENT,
    run_id         BIGINT         NOT NULL,
    connection_id  BIGINT         NOT NULL,
    entity         VARCHAR(20)    NOT NULL,
    external_id    VARCHAR(255)   NULL,
    reason         VARCHAR(2000)  NOT NULL,
    payload        LONGTEXT       NOT NULL,
    rejected_at    DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_rejected_run FOREIGN KEY (run_id) REFERENCES sync_run (id) ON DELETE CASCADE
);
CREATE INDEX ix_rejected_run ON rejected_record (run_id);
CREATE INDEX ix_rejected_connection ON rejected_record (connection_id, id);
