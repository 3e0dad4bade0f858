-- Each attempt to write an order's status, changed centrally (API PATCH /orders/{id}, tributary order set-status),
-- back to the shop that owns the order: what was asked, when, and what the shop answered (its HTTP status and a
-- short quote, never a credential). outcome: PENDING while the shop is being asked, then WRITTEN (the central status
-- follows) or REFUSED (the central status stays); an attempt left PENDING past its claim (a crash mid-request) is
-- closed UNKNOWN by the next attempt on the order. in_flight is "connection:external id" while PENDING and null
-- after: its unique index lets one attempt per order talk to the shop at a time.
CREATE TABLE order_status_write (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    connection_id  BIGINT        NOT NULL,
    external_id    VARCHAR(100)  NOT NULL,
    from_status    VARCHAR(50)   NULL,
    to_status      VARCHAR(50)   NOT NULL,
    requested_by   VARCHAR(100)  NOT NULL,
    requested_at   DATETIME(6)   NOT NULL,
    finished_at    DATETIME(6)   NULL,
    outcome        VARCHAR(20)   NOT NULL,
    http_status    INT           NULL,
    answer         VARCHAR(500)  NULL,
    in_flight      VARCHAR(130)  NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_status_write_connection FOREIGN KEY (connection_id) REFERENCES connection (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ux_status_write_in_flight ON order_status_write (in_flight);
CREATE INDEX ix_status_write_order ON order_status_write (connection_id, external_id, id);
