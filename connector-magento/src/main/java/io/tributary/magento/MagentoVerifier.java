package io.tributary.magento;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.HttpSession;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import io.tributary.spi.VerificationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verify connection, with the calls a sync makes: (admin mode: the sign-in, once) {@code store/storeConfigs} for
 * the store view's currency, time zone and locale, then {@code products} and {@code orders} with
 * {@code pageSize=1} and {@code fields=total_count} to prove both may be read, then, with time to spare, the store
 * view's name and whether customer accounts may be read. A 401 "isn't authorized" is judged on all three reads together: all refused means the credentials
 * do not work (for a bearer token, Magento's three usual causes are named); some refused means the
 * credentials work but may not read that entity ({@code FORBIDDEN}, naming the ACL resource); only the store
 * configuration refused still verifies, without a currency. No retries, bounded by the session's budget.
 */
final class MagentoVerifier {
    private static final Duration OPTIONAL_CALL_RESERVE = Duration.ofSeconds(5);
    private final MagentoClient client;
    private final HttpSession session;

    MagentoVerifier(MagentoClient client, HttpSession session) {
        this.client = requireNonNull(client, "client is null");
        this.session = requireNonNull(session, "session is null");
    }

    VerificationResult verify() {
        long start = System.nanoTime();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("api", client.site().display());
        details.put("storeCode", client.site().storeLabel());
        details.put("authMode", client.mode().cliName());
        try {
            MagentoNotAuthorizedException stores = null;
            try {
                learnStore(client.get("store/storeConfigs", null, "reading the store configuration"), details);
            } catch (MagentoNotAuthorizedException e) {
                stores = e;
            }
            MagentoNotAuthorizedException products = count("products", details);
            MagentoNotAuthorizedException orders = count("orders", details);
            if (client.adminTokenExpiry() != null) {
                details.put("adminTokenValidUntil", client.adminTokenExpiry().toString());
            }
            if (stores != null && products != null && orders != null) {
                return failed(nothingReadable(stores, products, orders), 401, start, details);
            }
            if (products != null || orders != null) {
                List<String> refused = new ArrayList<>();
                if (products != null) {
                    refused.add(products.getMessage());
                }
                if (orders != null) {
                    refused.add(orders.getMessage());
                }
                return failed(new ConnectorException(FailureKind.FORBIDDEN, String.join(" ", refused)), 401, start,
                        details);
            }
            if (stores == null) {
                learnStoreName(details);
            }
            learnWhetherItMayWrite(details);
            learnWhetherItMayReadCustomers(details);
            long latency = (System.nanoTime() - start) / 1_000_000;
            return VerificationResult.ok(okSentence(details, stores), 200, latency, details);
        } catch (ConnectorException e) {
            return failed(e, e.httpStatus(), start, details);
        }
    }

    /**
     * Whether order statuses changed here can reach the shop: a comment on order 0, which cannot exist. Magento
     * checks the resource ({@code Magento_Sales::comment}) before it looks for the order, so a refusal (401) means
     * no, and "no such order" (404, or 400 "An ID is needed") means yes; nothing is written either way. Left out
     * when the answer says neither.
     */
    private void learnWhetherItMayWrite(Map<String, String> details) {
        if (!session.hasTimeLeft(OPTIONAL_CALL_RESERVE)) {
            return;
        }
        var body = io.tributary.http.Json.mapper().createObjectNode();
        body.putObject("statusHistory").put("comment", "").put("is_customer_notified", 0)
                .put("is_visible_on_front", 0);
        try {
            client.postOnce("orders/0/comments", body, "checking whether the credentials may write");
            details.put("canWriteOrders", "true");
        } catch (MagentoNotAuthorizedException e) {
            details.put("canWriteOrders", "false");
            details.put("writeResource", resource(e));
        } catch (ConnectorException e) {
            if (e.httpStatus() != null && (e.httpStatus() == 404 || e.httpStatus() == 400)) {
                details.put("canWriteOrders", "true");
            }
        }
    }

    /**
     * Whether customer accounts may be read ({@code customers/search}, {@code Magento_Customer::customer}), for the
     * customers sync, whose schedule starts inactive: a refusal does not fail the verification, it is said, so the
     * admin learns it before switching that schedule on. Left out without time to spare or on another failure.
     */
    private void learnWhetherItMayReadCustomers(Map<String, String> details) {
        if (!session.hasTimeLeft(OPTIONAL_CALL_RESERVE)) {
            return;
        }
        try {
            MagentoClient.Listing listing = client.list("customers/search", MagentoQuery.searchCriteria().pageSize(1)
                    .fields("total_count"), "listing customers");
            details.put("customers", Long.toString(listing.totalCount()));
        } catch (MagentoNotAuthorizedException e) {
            details.put("canReadCustomers", "false");
            details.put("customersResource", resource(e));
        } catch (ConnectorException e) {
            // customer accounts are optional: the connection works for products and orders without them
        }
    }

    private static VerificationResult failed(ConnectorException e, Integer status, long start, Map<String, String> details) {
        long latency = (System.nanoTime() - start) / 1_000_000;
        return VerificationResult.failed(e.kind(), e.getMessage(), status, latency, details);
    }

    /** The entity's total, or the refusal when the credentials may not read it. */
    private MagentoNotAuthorizedException count(String path, Map<String, String> details) {
        try {
            MagentoClient.Listing listing = client.list(path, MagentoQuery.searchCriteria().pageSize(1)
                    .fields("total_count"), "listing " + path);
            details.put(path, Long.toString(listing.totalCount()));
            return null;
        } catch (MagentoNotAuthorizedException e) {
            return e;
        }
    }

    private ConnectorException nothingReadable(MagentoNotAuthorizedException stores,
            MagentoNotAuthorizedException products, MagentoNotAuthorizedException orders) {
        String resources = String.join(", ", resource(stores), resource(products), resource(orders));
        return switch (client.mode()) {
            case BEARER -> new ConnectorException(FailureKind.BAD_CREDENTIALS,
                    MagentoFailures.bearerRefused(resources, "reading the store configuration, products and orders"));
            case INTEGRATION -> new ConnectorException(FailureKind.BAD_CREDENTIALS, "Magento accepted the integration's "
                    + "signature but lets it read nothing (\"The consumer isn't authorized to access " + resources
                    + ".\"): the integration is not active, or has none of these resources. Activate it in "
                    + MagentoFailures.INTEGRATIONS + " and give it Stores, Catalog and Sales under Edit > API.");
            case ADMIN -> new ConnectorException(FailureKind.FORBIDDEN, "Magento lets this admin user read none of "
                    + resources + ": give its role those resources (System > Permissions > User Roles > Role "
                    + "Resources).");
        };
    }

    private static String resource(MagentoNotAuthorizedException e) {
        return e.resource() == null ? "?" : e.resource();
    }

    /** Picks the store view of the URL's store code (the default one otherwise) from {@code storeConfigs}. */
    private void learnStore(JsonNode configs, Map<String, String> details) {
        if (!configs.isArray() || configs.isEmpty() || !configs.get(0).has("base_currency_code")) {
            throw new ConnectorException(FailureKind.NOT_THIS_SYSTEM, "GET " + client.site().display()
                    + "/store/storeConfigs answered with JSON that is not a list of Magento store configurations: "
                    + "this is not Magento's REST API.", 200, null);
        }
        JsonNode chosen = MagentoConnector.storeConfig(configs, client.site().storeCode());
        put(details, "baseCurrency", chosen.path("base_currency_code"));
        put(details, "timezone", chosen.path("timezone"));
        put(details, "locale", chosen.path("locale"));
        put(details, "baseUrl", chosen.path("base_url"));
        put(details, "storeViewId", chosen.path("id"));
        if (client.site().storeCode() == null) {
            put(details, "storeCode", chosen.path("code"));
        }
    }

    /** The store view's name from {@code store/storeViews}: optional, only with time to spare. */
    private void learnStoreName(Map<String, String> details) {
        if (!session.hasTimeLeft(OPTIONAL_CALL_RESERVE)) {
            return;
        }
        try {
            for (JsonNode view : client.get("store/storeViews", null, "reading the store views")) {
                if (view.path("code").asText().equals(details.get("storeCode"))) {
                    put(details, "storeName", view.path("name"));
                }
            }
        } catch (ConnectorException notAllowedOrSlow) {
            // the name is a nicety: the connection works without it
        }
    }

    private static void put(Map<String, String> details, String key, JsonNode value) {
        if (value.isValueNode() && !value.asText().isBlank()) {
            details.put(key, value.asText());
        }
    }

    private String okSentence(Map<String, String> details, MagentoNotAuthorizedException stores) {
        String who = switch (client.mode()) {
            case ADMIN -> "the admin user";
            case INTEGRATION -> "the integration (OAuth 1.0a)";
            case BEARER -> "the integration's bearer token";
        };
        StringBuilder store = new StringBuilder("Connected to Magento");
        if (details.containsKey("storeName")) {
            store.append(" store view ").append(details.get("storeName"));
        }
        List<String> facts = new ArrayList<>(List.of(details.get("storeCode")));
        if (details.containsKey("baseCurrency")) {
            facts.add(details.get("baseCurrency"));
        }
        if (details.containsKey("timezone")) {
            facts.add(details.get("timezone"));
        }
        store.append(" (").append(String.join(", ", facts)).append(") at ").append(details.get("api")).append(": ")
                .append(who).append(" can read products and orders (").append(details.get("products"))
                .append(" products, ").append(details.get("orders")).append(" orders).");
        if ("true".equals(details.get("canWriteOrders"))) {
            store.append(" It may also comment on orders, so status changes made here reach the shop.");
        } else if ("false".equals(details.get("canWriteOrders"))) {
            store.append(" It may not comment on orders (").append(details.get("writeResource")).append("), so "
                    + "status changes made here cannot reach the shop: give it that resource to allow them.");
        }
        if ("false".equals(details.get("canReadCustomers"))) {
            store.append(" It may not read customer accounts (").append(details.get("customersResource")).append("), "
                    + "so a customers sync would fail: give it that resource before switching that schedule on.");
        }
        if (stores != null) {
            store.append(" It may not read the store configuration (").append(resource(stores)).append("), so product "
                    + "prices are stored without a currency.");
        }
        return store.toString();
    }
}
