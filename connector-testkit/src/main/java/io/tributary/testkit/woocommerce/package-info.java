/**
 * A fake WooCommerce shop ({@code wc/v3} REST API) for tests, the demo and benchmarks.
 *
 * <p>Start one with {@link io.tributary.testkit.woocommerce.FakeWooCommerce#builder()}. What it reproduces was
 * read from WooCommerce trunk and WordPress core: WC_REST_Authentication (Basic and query credentials only when
 * the site believes it is HTTPS, then OAuth 1.0a with WooCommerce's own base string, nonces stored per timestamp),
 * the CRUD controller's paging ({@code X-WP-Total}, {@code X-WP-TotalPages}, a {@code Link} with prev/next built
 * from the request's own query), WP_Date_Query (exclusive bounds, second precision, a zone designator converted
 * to site time), WP_Query ordering (products by the local {@code post_modified}, HPOS orders by the GMT column,
 * the id as tie-breaker), argument validation before permission checks, and PHP's JSON escaping.
 *
 * <p>Not reproduced: writes over HTTP (POST/PUT/DELETE routes), the {@code _embed} and {@code context=edit}
 * views, search beyond names, categories/tags/attributes filters, coupons, refunds, customers, webhooks and
 * the {@code /wc/v3/variations} route of WooCommerce 10.3.
 */
package io.tributary.testkit.woocommerce;
