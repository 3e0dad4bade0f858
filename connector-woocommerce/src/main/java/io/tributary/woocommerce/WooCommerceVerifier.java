package io.tributary.woocommerce;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.HttpSession;
import io.tributary.http.Json;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.VerificationResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verify connection, per WooCommerce's own signals: the unauthenticated {@code wc/v3} index says whether this is
 * WooCommerce; authenticated {@code per_page=1} reads of products and orders say whether the key works and may
 * read both (WooCommerce's error codes tell a bad secret, an unknown key and a missing permission apart); a
 * best-effort system status read adds the version and currency. No retries, bounded by the session's budget.
 */
final class WooCommerceVerifier {
    private static final Duration OPTIONAL_CALL_RESERVE = Duration.ofSeconds(5);
    private final WooCommerceClient client;
    private final HttpSession session;

    WooCommerceVerifier(WooCommerceClient client, HttpSession session) {
        this.client = requireNonNull(client, "client is null");
        this.session = requireNonNull(session, "session is null");
    }

    VerificationResult verify() {
        long start = System.nanoTime();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("site", client.site().siteUrl().toString());
        Integer lastStatus = null;
        try {
            WooCommerceIndex index = WooCommerceIndex.of(client.index(), client.site());
            WooCommerceClient.Listing products = client.list("products", Map.of("per_page", "1", "_fields", "id"),
                    "listing products");
            WooCommerceClient.Listing orders = client.list("orders", Map.of("per_page", "1", "_fields", "id"),
                    "listing orders");
            lastStatus = 200;
            WooCommerceChangeFilter changes = WooCommerceChangeFilter.of(index, client);
            details.put("modifiedAfterSupported", Boolean.toString(changes.works()));
            details.put("modifiedAfter", changes.how());
            details.put("authMode", client.authMode().cliName());
            if (client.authorizationStripped()) {
                details.put("authorizationHeaderStripped", "true");
            }
            putCount(details, "products", products.total());
            putCount(details, "orders", orders.total());
            learnVersionAndCurrency(details);
            learnWhetherTheKeyMayWrite(details);
            long latency = (System.nanoTime() - start) / 1_000_000;
            return VerificationResult.ok(okSentence(details), lastStatus, latency, details);
        } catch (ConnectorException e) {
            long latency = (System.nanoTime() - start) / 1_000_000;
            return VerificationResult.failed(e.kind(), e.getMessage(), e.httpStatus(), latency, details);
        }
    }

    /** System status needs a manager's key and can be slow, so it is optional and only tried with time to spare. */
    private void learnVersionAndCurrency(Map<String, String> details) {
        if (!session.hasTimeLeft(OPTIONAL_CALL_RESERVE)) {
            return;
        }
        try {
            JsonNode status = client.get("system_status", Map.of("_fields", "environment,settings"),
                    "reading the system status");
            JsonNode environment = status.path("environment");
            putText(details, "wooCommerceVersion", environment.has("version") ? environment.path("version")
                    : environment.path("wc_version"));
            putText(details, "currency", status.path("settings").path("currency"));
        } catch (ConnectorException notAManagerOrSlow) {
            try {
                JsonNode currency = client.get("data/currencies/current", Map.of(), "reading the store currency");
                putText(details, "currency", currency.path("code"));
            } catch (ConnectorException ignored) {
                // the key may read products and orders without seeing settings: that is enough to sync
            }
        }
    }

    /**
     * Whether order statuses changed here can reach the shop: an empty batch ({@code POST orders/batch {}}) changes
     * nothing, and WooCommerce refuses any POST of a read-only key before looking at it (HTTP 401, "does not have
     * write permissions"). Left out when the answer says neither.
     */
    private void learnWhetherTheKeyMayWrite(Map<String, String> details) {
        if (!session.hasTimeLeft(OPTIONAL_CALL_RESERVE)) {
            return;
        }
        try {
            client.postOnce("orders/batch", Json.mapper().createObjectNode(), "checking whether the key may write");
            details.put("canWriteOrders", "true");
        } catch (ConnectorException e) {
            if (e.httpStatus() != null && (e.httpStatus() == 401 || e.httpStatus() == 403)) {
                details.put("canWriteOrders", "false");
            }
        }
    }

    private static void putCount(Map<String, String> details, String key, Long total) {
        if (total != null) {
            details.put(key, Long.toString(total));
        }
    }

    private static void putText(Map<String, String> details, String key, JsonNode value) {
        if (value.isValueNode() && !value.asText().isBlank()) {
            details.put(key, value.asText());
        }
    }

    private static String okSentence(Map<String, String> details) {
        String version = details.containsKey("wooCommerceVersion") ? " " + details.get("wooCommerceVersion") : "";
        String counts = details.containsKey("products") && details.containsKey("orders")
                ? " (" + details.get("products") + " products, " + details.get("orders") + " orders)" : "";
        String stripped = details.containsKey("authorizationHeaderStripped")
                ? " The server drops the Authorization header, so the key travels as query parameters." : "";
        String write = switch (details.getOrDefault("canWriteOrders", "")) {
            case "true" -> " It may also write, so status changes made here reach the shop.";
            case "false" -> " It may only read, so status changes made here cannot reach the shop: give the key "
                    + "Read/Write permission in WooCommerce > Settings > Advanced > REST API to allow them.";
            default -> "";
        };
        return "Connected to WooCommerce" + version + " at " + details.get("site") + ": the key can read products "
                + "and orders" + counts + "." + stripped + write;
    }
}
