/**
 * A fake Shopify shop for tests and the demo: {@link io.tributary.testkit.shopify.FakeShopify}.
 *
 * <p>What it reproduces: the Admin GraphQL endpoint at {@code /admin/api/{version}/graphql.json} for the operations
 * Tributary sends (by operation name: the verify probe and counts, paged products with variants and orders with line
 * items sorted by {@code UPDATED_AT} with the {@code updated_at:>=} search, further pages of a product's variants or
 * an order's lines, bulk query start and status); {@code X-Shopify-Access-Token} with scopes, and 401 with
 * Shopify's body for a wrong or expired token; the client credentials grant at {@code /admin/oauth/access_token}
 * (form or JSON) minting tokens that expire; the cost-based leaky bucket ({@code extensions.cost.throttleStatus},
 * THROTTLED with no data, MAX_COST_EXCEEDED above 1,000); ACCESS_DENIED for a missing scope and orders older than
 * 60 days hidden without {@code read_all_orders}; bulk operations (RUNNING, then COMPLETED or FAILED, grouped JSONL
 * with {@code __parentId}, a download URL on the same server that needs no token); 402 for a frozen shop; an
 * unknown API version served as the oldest supported one, named in {@code X-Shopify-API-Version}; records served
 * damaged, in pages and in bulk exports ({@code FakeShopify.damage}: a field removed, of the wrong type, an id gone).
 *
 * <p>What it leaves out: GraphQL parsing and validation (selection sets are the connector's, fixed), other search
 * terms, the real cost calculation (requested = 2 + first × (1 + nested first), actual = objects returned),
 * deletions, webhooks, protected customer data redaction, and a bulk result on another host.
 */
package io.tributary.testkit.shopify;
