package io.tributary.coopcycle;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.HttpAnswer;
import io.tributary.http.HttpFailures;
import io.tributary.http.Json;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import io.tributary.spi.VerificationResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verify connection, as CoopCycle's own WooCommerce plugin does it and a little more: the public {@code GET /api}
 * must be CoopCycle's JSON-LD entry point; the token request (OAuth2 mode) tells a wrong identifier or secret from
 * a missing scope; {@code GET /api/me} names the store the credentials are bound to; the store's name and a
 * one-item read of its deliveries show that the app may read them. No retries, bounded by the session's budget.
 */
final class CoopCycleVerifier {
    private final CoopCycleClient client;
    private final CoopCycleSettings settings;

    CoopCycleVerifier(CoopCycleClient client, CoopCycleSettings settings) {
        this.client = requireNonNull(client, "client is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    VerificationResult verify() {
        long start = System.nanoTime();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("instance", client.site().base().toString());
        details.put("authMode", settings.mode().cliName());
        try {
            checkEntryPoint();
            client.authenticate();
            if (settings.mode() == CoopCycleAuthMode.OAUTH2) {
                details.put("scope", CoopCycleTokens.SCOPE);
            }
            CoopCycleStore store = CoopCycleStore.of(client.get(client.site().me(), "reading /api/me"));
            putIfPresent(details, "appName", store.appName());
            details.put("storeId", Long.toString(store.id()));
            details.put("store", store.iri());
            putIfPresent(details, "storeName", storeName(store));
            JsonNode deliveries = client.get(client.site().storeDeliveries(store.id(), 1), "listing the store's "
                    + "deliveries");
            if (deliveries.path("hydra:totalItems").canConvertToLong()) {
                details.put("deliveries", Long.toString(deliveries.path("hydra:totalItems").asLong()));
            }
            details.put("currency", settings.currency());
            long latency = (System.nanoTime() - start) / 1_000_000;
            return VerificationResult.ok(okSentence(details), 200, latency, details);
        } catch (ConnectorException e) {
            long latency = (System.nanoTime() - start) / 1_000_000;
            return VerificationResult.failed(e.kind(), e.getMessage(), e.httpStatus(), latency, details);
        }
    }

    private void checkEntryPoint() {
        HttpAnswer answer = client.entryPoint();
        if (answer.status() == 404 || answer.status() == 405) {
            throw new ConnectorException(FailureKind.NOT_THIS_SYSTEM, answer.where() + " does not exist (HTTP "
                    + answer.status() + "): there is no CoopCycle API at this URL.", answer.status(), null);
        }
        if (!answer.successful() && !answer.looksLikeHtml()) {
            throw HttpFailures.forStatus(answer, "reading CoopCycle's API entry point");
        }
        JsonNode json = Json.parse(answer);
        String context = Json.text(json, "@context");
        if (context == null || !context.endsWith("/contexts/Entrypoint")) {
            throw new ConnectorException(FailureKind.NOT_THIS_SYSTEM, answer.where() + " answered JSON that is not "
                    + "CoopCycle's JSON-LD entry point (no @context /api/contexts/Entrypoint): this is another API.",
                    answer.status(), null);
        }
    }

    /** The store's name; the app may lack the right to read the store itself, which is no reason to fail. */
    private String storeName(CoopCycleStore store) {
        try {
            return Json.text(client.get(client.site().store(store.id()), "reading the store"), "name");
        } catch (ConnectorException e) {
            if (e.retriable() || e.kind() == FailureKind.TIMEOUT) {
                throw e;
            }
            return null;
        }
    }

    private static void putIfPresent(Map<String, String> details, String key, String value) {
        if (value != null && !value.isBlank()) {
            details.put(key, value);
        }
    }

    private static String okSentence(Map<String, String> details) {
        String app = details.containsKey("appName") ? "API app '" + details.get("appName") + "'" : "the API key";
        String store = "store " + details.get("storeId")
                + (details.containsKey("storeName") ? " (" + details.get("storeName") + ")" : "");
        String count = details.containsKey("deliveries") ? " (" + details.get("deliveries") + " so far)" : "";
        return "Connected to CoopCycle at " + details.get("instance") + " as " + app + " of " + store
                + ": it can read the store's deliveries" + count + " and create new ones.";
    }
}
