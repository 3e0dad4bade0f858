/**
 * A fake Magento 2 / Adobe Commerce shop (REST web API {@code V1}) for tests, the demo and benchmarks.
 *
 * <p>Start one with {@link io.tributary.testkit.magento.FakeMagento#builder()}. What it reproduces was read from
 * Magento's code and documentation (see {@code ../shared/EXTERNAL_APIS.md} §1): the store code in
 * {@code /rest/<code>/V1} (an unknown code leaves no matching route), {@code store/storeConfigs} and
 * {@code store/storeViews}; {@code searchCriteria} from PHP-style bracket parameters in camelCase or snake_case
 * (filters ORed within a group, groups ANDed; {@code eq neq gt gteq moreq lt lteq in nin like nlike null notnull
 * from to}; times compared as UTC), {@code sortOrders} with the entity id as the last tie-break, {@code pageSize}
 * and {@code currentPage} with the last page served again for a page past the end, {@code total_count}, and the
 * {@code fields} partial response; products with configurable children ({@code configurable_product_links},
 * children of visibility 1), {@code custom_attributes}, no stock in lists (only on {@code products/{sku}});
 * orders whose configurable lines come as a parent and a child item ({@code parent_item_id}, {@code parent_item});
 * customer accounts ({@code customers/search}, {@code Magento_Customer::customer}) with their address books, the
 * telephone only on addresses; amounts as JSON numbers, optionally printed with PHP's legacy 17-digit precision;
 * JSON escaped as {@code json_encode} does. Authentication: admin tokens (a JSON string; JWT with {@code exp} or opaque; expiry;
 * Magento's sign-in message for a bad password and for a locked account — 6 failures lock it for 1800 s, when
 * even the right password fails; 2FA answers), OAuth 1.0a integrations (parameters collected as
 * {@code Magento\Framework\Oauth\Helper\Request} does, HMAC-SHA1/SHA256 signatures checked by RFC 5849, consumer
 * and token checks, nonce reuse, future timestamps), integration tokens as bearer tokens only when allowed, and
 * per-route ACL resources, all with Magento's {@code {"message", "parameters"}} errors and placeholders.
 *
 * <p>Not reproduced: writes over HTTP; a single customer ({@code customers/:id}), customer groups, invoices,
 * shipments, credit memos, categories and the other routes; bundle and grouped items in orders;
 * store-view-specific attribute values (every store code sees the same catalogue — Magento's product list does not
 * filter by the store's website either); MSI and {@code stockItems}; the Web API input limits (max page size) and
 * rate limiting; the {@code tfa/provider/*} endpoints; the {@code strnatcmp} order in which Laminas sorts OAuth
 * parameter names (the fake sorts by RFC 5849 byte order; the two differ only for array indexes of 10 and more);
 * developer-mode {@code trace}; the messages for an unknown filter field, condition type or unreadable date
 * (fake-specific 400s, where Magento fails differently); a product's {@code updated_at} left unchanged by stock changes cannot be observed, since lists carry no stock.
 */
package io.tributary.testkit.magento;
