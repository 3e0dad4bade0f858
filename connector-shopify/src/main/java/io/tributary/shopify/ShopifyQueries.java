package io.tributary.shopify;

/**
 * The GraphQL Tributary sends, each a named operation. Field names follow the Admin API 2025-10+ schema. IDs are
 * GIDs ({@code gid://shopify/Product/123}); amounts are Decimal strings; times UTC.
 */
final class ShopifyQueries {
    /** Variants or line items asked for inside one product or order; more are read with a query of their own. */
    static final int NESTED = 50;

    private static final String PRODUCT = "id title handle status vendor productType createdAt updatedAt";
    private static final String VARIANT = "id title sku price compareAtPrice inventoryQuantity createdAt updatedAt";
    private static final String MONEY = "{ shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }";
    private static final String ORDER = "id name email createdAt updatedAt processedAt cancelledAt currencyCode "
            + "displayFinancialStatus displayFulfillmentStatus totalPriceSet " + MONEY + " subtotalPriceSet " + MONEY
            + " totalTaxSet " + MONEY + " totalShippingPriceSet " + MONEY + " totalDiscountsSet " + MONEY;
    private static final String LINE = "id name sku quantity variant { id } product { id } originalUnitPriceSet "
            + MONEY + " originalTotalSet " + MONEY;
    private static final String PAGE_INFO = "pageInfo { hasNextPage endCursor }";

    static final String PROBE = "query TributaryProbe { shop { name myshopifyDomain currencyCode ianaTimezone "
            + "plan { publicDisplayName } } currentAppInstallation { accessScopes { handle } } }";
    static final String COUNTS = "query TributaryCounts { productsCount { count precision } "
            + "ordersCount { count precision } }";
    static final String SHOP = "query TributaryShop { shop { currencyCode } }";

    static final String PRODUCTS = "query TributaryProducts($first: Int!, $after: String, $query: String, "
            + "$sortKey: ProductSortKeys, $variants: Int!) { products(first: $first, after: $after, query: $query, "
            + "sortKey: $sortKey) { " + PAGE_INFO + " nodes { " + PRODUCT + " variants(first: $variants) { "
            + PAGE_INFO + " nodes { " + VARIANT + " } } } } }";
    static final String PRODUCT_VARIANTS = "query TributaryProductVariants($id: ID!, $first: Int!, $after: String) { "
            + "product(id: $id) { id variants(first: $first, after: $after) { " + PAGE_INFO + " nodes { " + VARIANT
            + " } } } }";
    static final String ORDERS = "query TributaryOrders($first: Int!, $after: String, $query: String, "
            + "$sortKey: OrderSortKeys, $lines: Int!) { orders(first: $first, after: $after, query: $query, "
            + "sortKey: $sortKey) { " + PAGE_INFO + " nodes { " + ORDER + " lineItems(first: $lines) { " + PAGE_INFO
            + " nodes { " + LINE + " } } } } }";
    static final String ORDER_LINES = "query TributaryOrderLines($id: ID!, $first: Int!, $after: String) { "
            + "order(id: $id) { id lineItems(first: $first, after: $after) { " + PAGE_INFO + " nodes { " + LINE
            + " } } } }";

    /** Variants asked for inside each product of an id listing: enough for most, cheap enough for 80 a page. */
    static final int NESTED_IDS = 10;
    /** Product and variant ids only, for the reconciliation pass (the cost is the same; the answer far smaller). */
    static final String PRODUCT_IDS = "query TributaryProductIds($first: Int!, $after: String, $sortKey: "
            + "ProductSortKeys, $variants: Int!) { products(first: $first, after: $after, sortKey: $sortKey) { "
            + PAGE_INFO + " nodes { id variants(first: $variants) { " + PAGE_INFO + " nodes { id } } } } }";

    /** Order ids only, for the reconciliation pass (with read_all_orders: every order, however old). */
    static final String ORDER_IDS = "query TributaryOrderIds($first: Int!, $after: String, $sortKey: OrderSortKeys) { "
            + "orders(first: $first, after: $after, sortKey: $sortKey) { " + PAGE_INFO + " nodes { id } } }";
    /** The scopes the app was granted, asked before orders are listed. */
    static final String SCOPES = "query TributaryScopes { currentAppInstallation { accessScopes { handle } } }";

    /** The bulk queries: every product with its variants, every order with its lines (children as own lines). */
    static final String BULK_PRODUCTS = "{ products { edges { node { " + PRODUCT + " variants { edges { node { "
            + VARIANT + " } } } } } } }";
    static final String BULK_ORDERS = "{ orders { edges { node { " + ORDER + " lineItems { edges { node { " + LINE
            + " } } } } } } }";
    static final String BULK_START = "mutation TributaryBulkStart($query: String!) { bulkOperationRunQuery(query: "
            + "$query, groupObjects: true) { bulkOperation { id status } userErrors { field message code } } }";
    static final String BULK_STATUS = "query TributaryBulkStatus($id: ID!) { bulkOperation(id: $id) { id status "
            + "query errorCode createdAt completedAt objectCount rootObjectCount url partialDataUrl } }";

    private ShopifyQueries() {}
}
