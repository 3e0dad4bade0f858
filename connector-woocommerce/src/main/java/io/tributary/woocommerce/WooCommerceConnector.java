package io.tributary.woocommerce;

import static java.util.Objects.requireNonNull;

import io.tributary.http.HttpSession;
import io.tributary.http.HttpStack;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.CredentialField;
import io.tributary.spi.EntityType;
import io.tributary.spi.OrderStatusWriter;
import io.tributary.http.Excerpt;
import io.tributary.http.HttpAnswer;
import io.tributary.http.Json;
import io.tributary.spi.RecordStream;
import io.tributary.spi.Secret;
import io.tributary.spi.SiteFacts;
import io.tributary.spi.SyncCursor;
import io.tributary.spi.VerificationResult;
import java.util.List;
import java.util.Map;

/** One open WooCommerce connection. */
final class WooCommerceConnector implements Connector, OrderStatusWriter {
    static final String API_FACT = "woocommerce.api";
    static final String CURRENCY_FACT = "woocommerce.currency";
    static final String MODIFIED_AFTER = "modified_after";
    static final String ALL_VARIATIONS = "variations";
    private final ConnectionSettings settings;
    private final ConnectorContext context;
    private final WooCommerceSite site;
    private final WooCommerceAuthMode configuredMode;

    WooCommerceConnector(ConnectionSettings settings, ConnectorContext context) {
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
        this.site = WooCommerceSite.of(settings.apiUrl());
        this.configuredMode = WooCommerceAuthMode.parse(settings.option(WooCommerceAuthMode.FIELD).orElse(null));
    }

    private WooCommerceAuth auth() {
        Secret key = settings.secret(CredentialField.ACCESS_TOKEN).orElseThrow();
        Secret secret = settings.secret(CredentialField.SECRET).orElseThrow();
        return new WooCommerceAuth(key, secret, configuredMode.resolve(site.https()), context.clock());
    }

    private String rateLimitKey() {
        return settings.connectionId() > 0 ? "connection-" + settings.connectionId() : "verify-" + site.siteUrl().host();
    }

    @Override
    public VerificationResult verify() {
        WooCommerceAuth auth = auth();
        HttpSession session = context.service(HttpStack.class)
                .verificationSession(settings.systemId(), rateLimitKey(), List.of(auth));
        WooCommerceClient client = new WooCommerceClient(site, session, auth, configuredMode == WooCommerceAuthMode.AUTO);
        return new WooCommerceVerifier(client, session).verify();
    }

    @Override
    public RecordStream read(EntityType entity, SyncCursor from) {
        WooCommerceAuth auth = auth();
        HttpSession session = context.service(HttpStack.class)
                .session(settings.systemId(), rateLimitKey(), List.of(auth));
        WooCommerceClient client = new WooCommerceClient(site, session, auth, configuredMode == WooCommerceAuthMode.AUTO);
        if (entity == EntityType.CUSTOMERS) {
            return new WooCommerceCustomerStream(client, from); // read whole each time: see the class
        }
        java.time.Duration maxAge = SiteFacts.maxAgeFor(from);
        List<String> api = List.of(SiteFacts.of(context, API_FACT, maxAge, () -> apiFeatures(client)).split(","));
        String currency = entity == EntityType.PRODUCTS
                ? SiteFacts.of(context, CURRENCY_FACT, maxAge, () -> currency(client)) : null;
        // the time zone is read at every sync: a stale one would shift the shop's filter past records
        return new WooCommerceRecordStream(client, entity, from, api.contains(MODIFIED_AFTER),
                api.contains(ALL_VARIATIONS), currency, client.siteZone().orElse(null));
    }

    /**
     * What the {@code wc/v3} index says of the lists (read again on a read from the start): {@value #MODIFIED_AFTER}
     * and {@value #ALL_VARIATIONS}, comma-separated.
     */
    private String apiFeatures(WooCommerceClient client) {
        WooCommerceIndex index = WooCommerceIndex.of(client.index(), site);
        List<String> features = new java.util.ArrayList<>();
        if (WooCommerceChangeFilter.of(index, client).works()) {
            features.add(MODIFIED_AFTER);
        }
        if (index.allVariations()) {
            features.add(ALL_VARIATIONS);
        }
        return String.join(",", features);
    }

    @Override
    public io.tributary.spi.IdListing listIds(EntityType entity) {
        WooCommerceAuth auth = auth();
        HttpSession session = context.service(HttpStack.class)
                .session(settings.systemId(), rateLimitKey(), List.of(auth));
        return new WooCommerceIdListing(new WooCommerceClient(site, session, auth,
                configuredMode == WooCommerceAuthMode.AUTO), entity);
    }

    /**
     * {@code PUT orders/{id}} with the status alone, sent once; the answer is the order as WooCommerce saved it,
     * whose status must be the one asked for.
     */
    @Override
    public OrderStatusWrite writeOrderStatus(String externalOrderId, String status) {
        if (!externalOrderId.matches("[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("'" + Excerpt.of(externalOrderId, 40) + "' is not a WooCommerce order "
                    + "id.");
        }
        WooCommerceAuth auth = auth();
        HttpSession session = context.service(HttpStack.class)
                .session(settings.systemId(), rateLimitKey(), List.of(auth));
        WooCommerceClient client = new WooCommerceClient(site, session, auth, configuredMode == WooCommerceAuthMode.AUTO);
        String what = "setting the status of order " + externalOrderId + " to " + status;
        // a retry after a lost answer finds the status there already: nothing is sent twice
        String current = client.get("orders/" + externalOrderId, Map.of("_fields", "id,status"), "reading order "
                + externalOrderId).path("status").asText("");
        if (current.equals(status)) {
            return new OrderStatusWrite(200, "status \"" + Excerpt.of(status, 50) + "\" already in WooCommerce; "
                    + "nothing sent");
        }
        HttpAnswer answer = client.putOnce("orders/" + externalOrderId,
                Json.mapper().createObjectNode().put("status", status), what);
        String saved = Json.parse(answer).path("status").asText("");
        String quote = "status \"" + Excerpt.of(saved, 50) + "\"";
        if (!saved.equals(status)) {
            throw new ConnectorException(io.tributary.spi.FailureKind.SERVER_ERROR, "WooCommerce answered HTTP "
                    + answer.status() + " while " + what + " but kept the order at " + quote + ".",
                    answer.status(), null);
        }
        return new OrderStatusWrite(answer.status(), quote);
    }

    /** The shop's currency for product prices; null when the key may not read it. */
    private static String currency(WooCommerceClient client) {
        try {
            return client.get("data/currencies/current", Map.of(), "reading the store currency").path("code")
                    .asText(null);
        } catch (ConnectorException e) {
            if (e.retriable()) {
                throw e;
            }
            return null;
        }
    }
}
