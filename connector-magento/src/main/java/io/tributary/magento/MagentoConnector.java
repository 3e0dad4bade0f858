package io.tributary.magento;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.HttpSession;
import io.tributary.http.HttpStack;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.EntityType;
import io.tributary.spi.OrderStatusWriter;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import io.tributary.http.Excerpt;
import io.tributary.http.HttpAnswer;
import io.tributary.http.Json;
import io.tributary.spi.RecordStream;
import io.tributary.spi.SiteFacts;
import io.tributary.spi.StoredProducts;
import io.tributary.spi.SyncCursor;
import io.tributary.spi.UnsupportedEntityException;
import io.tributary.spi.VerificationResult;
import java.util.List;

/**
 * One open Magento connection. In admin mode the token is kept for the life of this instance — shared by a
 * verification and the reads that follow — and a refused sign-in is remembered, so this instance never sends
 * the same password twice.
 */
final class MagentoConnector implements Connector, OrderStatusWriter {
    /** The store view's base currency ({@link SiteFacts}: read again on a read from the start, else daily). */
    static final String CURRENCY_FACT = "magento.currency";
    private final ConnectionSettings settings;
    private final ConnectorContext context;
    private final MagentoSite site;
    private final MagentoCredentials credentials;
    private final MagentoAdminTokens tokens;

    MagentoConnector(ConnectionSettings settings, ConnectorContext context) {
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
        this.site = MagentoSite.of(settings.apiUrl());
        this.credentials = MagentoCredentials.of(settings);
        this.tokens = new MagentoAdminTokens(context.clock());
    }

    private String rateLimitKey() {
        return settings.connectionId() > 0 ? "connection-" + settings.connectionId() : "verify-" + site.apiBase().host();
    }

    private MagentoClient client(HttpSession session) {
        return new MagentoClient(site, session, credentials, tokens);
    }

    private MagentoAuthInterceptor interceptor() {
        return new MagentoAuthInterceptor(credentials, tokens, context.clock());
    }

    @Override
    public VerificationResult verify() {
        HttpSession session = context.service(HttpStack.class)
                .verificationSession(settings.systemId(), rateLimitKey(), List.of(interceptor()));
        return new MagentoVerifier(client(session), session).verify();
    }

    @Override
    public RecordStream read(EntityType entity, SyncCursor from) {
        MagentoClient client = client(context.service(HttpStack.class)
                .session(settings.systemId(), rateLimitKey(), List.of(interceptor())));
        String currency = entity == EntityType.PRODUCTS
                ? SiteFacts.of(context, CURRENCY_FACT, SiteFacts.maxAgeFor(from), () -> currency(client)) : null;
        return new MagentoRecordStream(client, entity, from, currency,
                context.find(StoredProducts.class).orElse(null));
    }

    @Override
    public io.tributary.spi.IdListing listIds(EntityType entity) {
        if (entity != EntityType.PRODUCTS && entity != EntityType.ORDERS) {
            throw new UnsupportedEntityException("Magento", entity);
        }
        return new MagentoIdListing(client(context.service(HttpStack.class)
                .session(settings.systemId(), rateLimitKey(), List.of(interceptor()))), entity);
    }

    /**
     * An order comment carrying the status ({@code POST orders/{id}/comments}, sent once, the customer not notified,
     * the comment not shown in the shop), then the order read back: Magento answers {@code true} also when it kept
     * the order's status (versions that only take a status of the order's current state), so only the order itself
     * says whether the status was taken. Moving an order to another state (an invoice, a shipment, a credit memo)
     * is not done here.
     */
    @Override
    public OrderStatusWrite writeOrderStatus(String externalOrderId, String status) {
        if (!externalOrderId.matches("[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("'" + Excerpt.of(externalOrderId, 40) + "' is not a Magento order id.");
        }
        MagentoClient client = client(context.service(HttpStack.class)
                .session(settings.systemId(), rateLimitKey(), List.of(interceptor())));
        String what = "setting the status of order " + externalOrderId + " to " + status;
        // a retry after a lost answer finds the status there already: no second comment
        JsonNode before = client.get("orders/" + externalOrderId, null, "reading order " + externalOrderId);
        if (status.equals(before.path("status").asText(""))) {
            return new OrderStatusWrite(200, "status \"" + Excerpt.of(status, 50) + "\" already in Magento; "
                    + "nothing sent");
        }
        var body = Json.mapper().createObjectNode();
        body.putObject("statusHistory").put("comment", "Status set to " + status + " from Tributary.")
                .put("status", status).put("is_customer_notified", 0).put("is_visible_on_front", 0);
        HttpAnswer answer = client.postOnce("orders/" + externalOrderId + "/comments", body, what);
        JsonNode order = client.get("orders/" + externalOrderId, null, "reading order " + externalOrderId + " back");
        String saved = order.path("status").asText("");
        if (!saved.equals(status)) {
            throw new ConnectorException(FailureKind.SERVER_ERROR, "Magento added the comment but kept order "
                    + externalOrderId + " at status \"" + Excerpt.of(saved, 50) + "\" (state \""
                    + Excerpt.of(order.path("state").asText(""), 50) + "\"): a comment only sets a status of the "
                    + "order's current state; another state needs an invoice, a shipment or a credit memo in Magento.",
                    answer.status(), null);
        }
        return new OrderStatusWrite(answer.status(), Excerpt.of(answer.body(), 120));
    }

    /** The store view's base currency for product prices; null when the credentials may not read it. */
    private String currency(MagentoClient client) {
        try {
            JsonNode configs = client.get("store/storeConfigs", null, "reading the store configuration");
            return configs.isArray() && !configs.isEmpty()
                    ? storeConfig(configs, site.storeCode()).path("base_currency_code").asText(null) : null;
        } catch (MagentoNotAuthorizedException e) {
            return null; // everything else — a refused sign-in above all — must end the read, not be retried
        }
    }

    /** The config of the store view with this code; Magento's default view (code default, else the first) otherwise. */
    static JsonNode storeConfig(JsonNode configs, String storeCode) {
        JsonNode fallback = configs.get(0);
        for (JsonNode config : configs) {
            String code = config.path("code").asText();
            if (storeCode != null && code.equals(storeCode)) {
                return config;
            }
            if (code.equals("default")) {
                fallback = config;
            }
        }
        return fallback;
    }
}
