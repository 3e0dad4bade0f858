package io.tributary.shopify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import io.tributary.spi.VerificationResult;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Verify connection: (client-credentials mode: mints a token, once) asks for the shop — name, currency, time zone,
 * plan — and the scopes the app was granted, then counts products and orders. A scope the sync needs and the app
 * lacks is FORBIDDEN, naming each and what it costs. Warns, in an OK result, when the pinned API version nears the
 * end of Shopify's support or Shopify answered with another version. No retries, no waiting for the rate limit:
 * a throttled answer is RATE_LIMITED.
 */
final class ShopifyVerifier {
    static final Map<String, String> NEEDED = neededScopes();

    private final ShopifyClient client;
    private final Clock clock;

    ShopifyVerifier(ShopifyClient client, Clock clock) {
        this.client = requireNonNull(client, "client is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    private static Map<String, String> neededScopes() {
        Map<String, String> needed = new LinkedHashMap<>();
        needed.put("read_products", "no product can be read");
        needed.put("read_orders", "no order can be read");
        needed.put("read_all_orders", "only orders of the last 60 days can be read, older ones stay invisible");
        return needed;
    }

    VerificationResult verify() {
        long start = System.nanoTime();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("shopUrl", client.shop().display());
        details.put("apiVersion", client.version().name());
        details.put("authMode", client.mode().cliName());
        try {
            JsonNode probe = client.data(ShopifyQueries.PROBE, null, 2, "reading the shop");
            JsonNode shop = probe.path("shop");
            if (!shop.path("name").isTextual() || !shop.path("currencyCode").isTextual()) {
                throw new ConnectorException(FailureKind.NOT_THIS_SYSTEM, "The answer to the shop query has no shop "
                        + "name or currency: this is not Shopify's Admin API.", 200, null);
            }
            learnShop(shop, details);
            Set<String> granted = new TreeSet<>();
            probe.path("currentAppInstallation").path("accessScopes").forEach(s -> granted.add(s.path("handle").asText()));
            details.put("scopes", String.join(",", granted));
            List<String> missing = NEEDED.keySet().stream().filter(s -> !granted.contains(s)).toList();
            if (!missing.isEmpty()) {
                return failed(new ConnectorException(FailureKind.FORBIDDEN, missingScopes(missing)), 200, start,
                        details);
            }
            JsonNode counts = client.data(ShopifyQueries.COUNTS, null, 2, "counting products and orders");
            details.put("products", count(counts.path("productsCount")));
            details.put("orders", count(counts.path("ordersCount")));
            if (client.tokenExpiry() != null) {
                details.put("tokenValidUntil", client.tokenExpiry().toString());
            }
            if (client.throttle().known()) {
                details.put("restoreRate", Long.toString(Math.round(client.throttle().restoreRate())));
            }
            List<String> warnings = warnings(details);
            long latency = (System.nanoTime() - start) / 1_000_000;
            return VerificationResult.ok(okSentence(details, warnings), 200, latency, details);
        } catch (ConnectorException e) {
            return failed(e, e.httpStatus(), start, details);
        }
    }

    private static void learnShop(JsonNode shop, Map<String, String> details) {
        details.put("shop", shop.path("name").asText());
        put(details, "domain", shop.path("myshopifyDomain"));
        put(details, "currency", shop.path("currencyCode"));
        put(details, "timezone", shop.path("ianaTimezone"));
        put(details, "plan", shop.path("plan").path("publicDisplayName"));
    }

    private static String missingScopes(List<String> missing) {
        List<String> costs = new ArrayList<>();
        for (String scope : missing) {
            costs.add("without " + scope + " " + NEEDED.get(scope));
        }
        return "The app's access lacks " + String.join(", ", missing) + ": " + String.join("; ", costs)
                + ". Give the app these scopes (a Dev Dashboard app: in a new version, released and installed again; "
                + "read_all_orders must be requested and granted) and verify again.";
    }

    private List<String> warnings(Map<String, String> details) {
        List<String> warnings = new ArrayList<>();
        String served = client.servedVersion();
        if (served != null && !served.equals(client.version().name())) {
            details.put("servedApiVersion", served);
            warnings.add("Shopify answered with API version " + served + " instead of " + client.version().name()
                    + ", which it no longer supports: set --credential api-version=" + served + " or newer.");
        } else {
            String ending = client.version().warning(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
            if (ending != null) {
                warnings.add(ending);
            }
        }
        if (!warnings.isEmpty()) {
            details.put("warning", String.join(" ", warnings));
        }
        return warnings;
    }

    private String okSentence(Map<String, String> details, List<String> warnings) {
        String who = client.mode() == ShopifyAuthMode.TOKEN ? "the access token" : "the app (client credentials)";
        StringBuilder sentence = new StringBuilder("Connected to Shopify shop ").append(details.get("shop"))
                .append(" (").append(String.join(", ", present(details, "domain", "currency", "timezone")));
        if (details.containsKey("plan")) {
            sentence.append(", plan ").append(details.get("plan"));
        }
        sentence.append(") with API ").append(client.version().name()).append(": ").append(who)
                .append(" can read products and orders (").append(details.get("products")).append(" products, ")
                .append(details.get("orders")).append(" orders).");
        warnings.forEach(w -> sentence.append(' ').append(w));
        return sentence.toString();
    }

    private static List<String> present(Map<String, String> details, String... keys) {
        List<String> values = new ArrayList<>();
        for (String key : keys) {
            if (details.containsKey(key)) {
                values.add(details.get(key));
            }
        }
        return values;
    }

    private static String count(JsonNode count) {
        String n = count.path("count").asText("?");
        return "AT_LEAST".equals(count.path("precision").asText()) ? "at least " + n : n;
    }

    private static void put(Map<String, String> details, String key, JsonNode value) {
        if (value.isValueNode() && !value.asText().isBlank()) {
            details.put(key, value.asText());
        }
    }

    private static VerificationResult failed(ConnectorException e, Integer status, long start,
            Map<String, String> details) {
        long latency = (System.nanoTime() - start) / 1_000_000;
        return VerificationResult.failed(e.kind(), e.getMessage(), status, latency, details);
    }
}
