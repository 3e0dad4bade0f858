-- A route may complete the shop's order once the courier delivered it: when a sync of the target (the courier)
-- stores the delivery in its delivered status, the source order is given complete_status through the same
-- write-back as a status changed by hand (recorded in order_status_writes, exactly once). Runs unchanged on
-- MariaDB 10.6+ and on H2 in MariaDB mode. Times are UTC.

-- The status the source order takes when its delivery is delivered (NULL: the route leaves the order alone).
ALTER TABLE route ADD COLUMN complete_status VARCHAR(50) NULL;

-- When the route handled the delivered delivery (NULL: not yet), and what came of it: the status written, or the
-- sentence the shop refused it with. A handled delivery is not tried again.
ALTER TABLE route_delivery ADD COLUMN completed_at DATETIME(6) NULL;
ALTER TABLE route_delivery ADD COLUMN completion VARCHAR(600) NULL;
