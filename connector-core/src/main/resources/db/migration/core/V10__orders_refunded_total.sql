-- What was refunded of an order (WooCommerce refunds, Magento total_refunded): a refund changes no other amount,
-- so without it a refunded order looked fully paid.
ALTER TABLE orders ADD COLUMN refunded_total DECIMAL(20, 6) NULL;
