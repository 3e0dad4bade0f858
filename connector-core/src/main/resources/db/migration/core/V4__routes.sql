-- Routes: orders of one connection (a shop) that reach a status are posted to another connection (a courier
-- platform such as CoopCycle) as deliveries, exactly once per (route, order). Runs unchanged on MariaDB 10.6+ and
-- on H2 in MariaDB mode. Times are UTC.

CREATE TABLE route (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    source_connection_id  BIGINT       NOT NULL,
    target_connection_id  BIGINT       NOT NULL,
    when_status           VARCHAR(50)  NOT NULL,
    lead_minutes          INT          NOT NULL,
    slot_minutes          INT          NOT NULL,
    -- random per route: the prefix of the references that let a delivery be found again after a crash
    reference_prefix      VARCHAR(40)  NOT NULL,
    -- orders stored (new or changed) before this instant are not forwarded
    forward_since         DATETIME(6)  NOT NULL,
    created_at            DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_route_source_target UNIQUE (source_connection_id, target_connection_id),
    CONSTRAINT uq_route_reference_prefix UNIQUE (reference_prefix),
    CONSTRAINT fk_route_source FOREIGN KEY (source_connection_id) REFERENCES connection (id) ON DELETE CASCADE,
    CONSTRAINT fk_route_target FOREIGN KEY (target_connection_id) REFERENCES connection (id) ON DELETE CASCADE
);

-- One row per (route, order) once the order qualified: INTENT (recorded before posting; the delivery may exist),
-- POSTED (the delivery's id is known) or REFUSED (the target refused it; the reason is kept).
CREATE TABLE route_delivery (
    route_id           BIGINT        NOT NULL,
    order_external_id  VARCHAR(100)  NOT NULL,
    order_number       VARCHAR(100)  NULL,
    reference          VARCHAR(150)  NOT NULL,
    state              VARCHAR(20)   NOT NULL,
    delivery_id        VARCHAR(255)  NULL,
    tracking_url       VARCHAR(1000) NULL,
    -- the order's content hash when it was refused: it is tried again only once the order changed
    order_hash         CHAR(64)      NULL,
    refusals           INT           NOT NULL,
    reason             VARCHAR(2000) NULL,
    -- a dispatcher working on the row holds it until then; a crashed one lets go when it passes
    claimed_until      DATETIME(6)   NULL,
    created_at         DATETIME(6)   NOT NULL,
    updated_at         DATETIME(6)   NOT NULL,
    PRIMARY KEY (route_id, order_external_id),
    CONSTRAINT uq_route_delivery_reference UNIQUE (reference),
    CONSTRAINT fk_route_delivery_route FOREIGN KEY (route_id) REFERENCES route (id) ON DELETE CASCADE
);

CREATE INDEX ix_route_delivery_state ON route_delivery (route_id, state);

-- One dispatch of one route, after the orders sync (sync_run) that triggered it.
CREATE TABLE route_run (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    route_id          BIGINT        NOT NULL,
    sync_run_id       BIGINT        NULL,
    outcome           VARCHAR(20)   NOT NULL,
    started_at        DATETIME(6)   NOT NULL,
    finished_at       DATETIME(6)   NULL,
    posted_count      BIGINT        NOT NULL,
    reconciled_count  BIGINT        NOT NULL,
    refused_count     BIGINT        NOT NULL,
    waiting_count     BIGINT        NOT NULL,
    error_message     VARCHAR(2000) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_route_run_route FOREIGN KEY (route_id) REFERENCES route (id) ON DELETE CASCADE,
    CONSTRAINT fk_route_run_sync FOREIGN KEY (sync_run_id) REFERENCES sync_run (id) ON DELETE CASCADE
);

CREATE INDEX ix_route_run_sync ON route_run (sync_run_id);
CREATE INDEX ix_route_run_route ON route_run (route_id, started_at);

-- The orders a route run could not deliver because the target refused them, with the target's reason.
CREATE TABLE route_refusal (
    route_run_id       BIGINT        NOT NULL,
    order_external_id  VARCHAR(100)  NOT NULL,
    order_number       VARCHAR(100)  NULL,
    reason             VARCHAR(2000) NOT NULL,
    PRIMARY KEY (route_run_id, order_external_id),
    CONSTRAINT fk_route_refusal_run FOREIGN KEY (route_run_id) REFERENCES route_run (id) ON DELETE CASCADE
);
