-- Schedules, the lease that keeps a (connection, entity) from syncing twice at once, and the failing flag.

-- One schedule per (connection, entity): the XTND dialog. time_of_day is HH:MM in the schedule's zone; HOURLY
-- uses its minute; day_of_week (MON..SUN) only for WEEKLY.
CREATE TABLE sync_schedule (
    connection_id  BIGINT       NOT NULL,
    entity         VARCHAR(20)  NOT NULL,
    frequency      VARCHAR(10)  NOT NULL,
    day_of_week    VARCHAR(3)   NULL,
    time_of_day    VARCHAR(5)   NOT NULL,
    start_date     DATE         NOT NULL,
    zone           VARCHAR(64)  NOT NULL,
    active         BOOLEAN      NOT NULL,
    updated_at     DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL,
    PRIMARY KEY (connection_id, entity),
    CONSTRAINT fk_schedule_connection FOREIGN KEY (connection_id) REFERENCES connection (id) ON DELETE CASCADE
);

-- Held while a sync of (connection, entity) runs, in any process on any node; renewed while it runs. A lease
-- whose expires_at has passed belonged to a process that died: its run is closed as ABANDONED by the next
-- taker. Every page write checks the token, so a process that lost its lease cannot write.
CREATE TABLE sync_lease (
    connection_id  BIGINT        NOT NULL,
    entity         VARCHAR(20)   NOT NULL,
    token          VARCHAR(64)   NOT NULL,
    run_id         BIGINT        NULL,
    owner          VARCHAR(200)  NOT NULL,
    acquired_at    DATETIME(6)   NOT NULL,
    expires_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (connection_id, entity),
    CONSTRAINT fk_lease_connection FOREIGN KEY (connection_id) REFERENCES connection (id) ON DELETE CASCADE
);

-- The embedded H2 store runs one daemon: the one holding this row (renewed while it runs).
CREATE TABLE daemon_singleton (
    name        VARCHAR(40)   NOT NULL,
    owner       VARCHAR(200)  NOT NULL,
    expires_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (name)
);

ALTER TABLE connection ADD COLUMN consecutive_failures INT NOT NULL DEFAULT 0;
ALTER TABLE connection ADD COLUMN failing BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE connection ADD COLUMN last_error VARCHAR(2000) NULL;

ALTER TABLE sync_run ADD COLUMN node VARCHAR(200) NULL;
