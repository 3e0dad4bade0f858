package io.tributary.shopify;

import static java.util.Objects.requireNonNull;

import io.tributary.http.HttpSession;
import io.tributary.http.HttpStack;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.EntityType;
import io.tributary.spi.RecordStream;
import io.tributary.spi.SiteFacts;
import io.tributary.spi.SyncCursor;
import io.tributary.spi.UnsupportedEntityException;
import io.tributary.spi.VerificationResult;
import java.time.Duration;
import java.util.List;

/**
 * One open Shopify connection. The token (minted in client-credentials mode) and what is known of the cost bucket
 * are kept for the life of this instance, shared by a verification and the reads that follow. A read from the start
 * goes through a bulk operation (continued, when the last run left it waiting, with the operation it started); a read
 * from a cursor pages.
 */
final class ShopifyConnector implements Connector {
    /** The shop's currency for product prices ({@link SiteFacts}: read again on a read from the start, else daily). */
    static final String CURRENCY_FACT = "shopify.currency";
    static final String BULK_WAIT = "bulk-wait";
    /** A sync thread is not held longer than this for one export, whatever the setting. */
    static final Duration MOST_BULK_WAIT = Duration.ofMinutes(10);
    private final ConnectionSettings settings;
    private final ConnectorContext context;
    private final ShopifyShop shop;
    private final ShopifyApiVersion version;
    private final ShopifyCredentials credentials;
    private final ShopifyTokens tokens;
    private final ShopifyThrottle throttle;

    ShopifyConnector(ConnectionSettings settings, ConnectorContext context, ShopifyThrottle.Sleeper sleeper) {
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
        this.shop = ShopifyShop.of(settings.apiUrl());
        this.version = ShopifyApiVersion.of(settings.option(ShopifyApiVersion.FIELD).orElse(null));
        this.credentials = ShopifyCredentials.of(settings);
        this.tokens = new ShopifyTokens(context.clock(), credentials);
        this.throttle = new ShopifyThrottle(sleeper);
    }

    /** The one place this connector reaches the host's HTTP stack. */
    private HttpStack http() {
        return context.service(HttpStack.class);
    }

    private String rateLimitKey() {
        return settings.connectionId() > 0 ? "connection-" + settings.connectionId() : "verify-" + shop.origin().host();
    }

    private ShopifyClient client(boolean verification) {
        List<okhttp3.Interceptor> auth = List.of(new ShopifyAuthInterceptor(shop, tokens));
        HttpSession session = verification ? http().verificationSession(settings.systemId(), rateLimitKey(), auth)
                : http().session(settings.systemId(), rateLimitKey(), auth);
        return new ShopifyClient(shop, version, session, credentials, tokens, throttle, verification);
    }

    @Override
    public VerificationResult verify() {
        return new ShopifyVerifier(client(true), context.clock()).verify();
    }

    @Override
    public io.tributary.spi.IdListing listIds(EntityType entity) {
        if (entity == EntityType.PRODUCTS) {
            return new ShopifyIdListing(client(false), false);
        }
        if (entity != EntityType.ORDERS) {
            throw new UnsupportedOperationException(new ShopifyConnectorProvider().whyNotListable(entity));
        }
        ShopifyClient client = client(false);
        boolean allOrders = false;
        for (com.fasterxml.jackson.databind.JsonNode scope : client.data(ShopifyQueries.SCOPES, null, 2,
                "reading the app's scopes").path("currentAppInstallation").path("accessScopes")) {
            allOrders |= "read_all_orders".equals(scope.path("handle").asText());
        }
        if (!allOrders) {
            throw new io.tributary.spi.NotListableException("the app lacks the read_all_orders scope, so Shopify "
                    + "shows it only the last 60 days of orders and an order missing from a listing is not "
                    + "necessarily deleted; grant read_all_orders to have deleted orders found.");
        }
        return new ShopifyIdListing(client, true);
    }

    @Override
    public RecordStream read(EntityType entity, SyncCursor from) {
        return read(entity, from, null);
    }

    @Override
    public RecordStream continueRead(EntityType entity, String resumeWith) {
        return read(entity, SyncCursor.START, resumeWith);
    }

    private RecordStream read(EntityType entity, SyncCursor from, String resumeWith) {
        if (entity != EntityType.PRODUCTS && entity != EntityType.ORDERS) {
            throw new UnsupportedEntityException("Shopify", entity);
        }
        ShopifyClient client = client(false);
        String currency = entity == EntityType.PRODUCTS
                ? SiteFacts.of(context, CURRENCY_FACT, SiteFacts.maxAgeFor(from), () -> client.data(ShopifyQueries.SHOP,
                        null, 2, "reading the shop's currency").path("shop").path("currencyCode").asText(null))
                : null;
        if (!from.isStart()) {
            return new ShopifyPagedStream(client, entity, from, currency);
        }
        return new ShopifyBulkStream(client, entity, currency,
                () -> new ShopifyPagedStream(client, entity, SyncCursor.START, currency), settings.label(),
                context.clock(), bulkWait(settings), resumeWith);
    }

    /** How long a run polls a bulk export on its own thread ({@code bulk-wait}, in seconds). */
    static Duration bulkWait(ConnectionSettings settings) {
        String given = settings.option(BULK_WAIT).orElse(null);
        if (given == null || given.isBlank()) {
            return ShopifyBulkStream.IN_THREAD_WAIT;
        }
        try {
            long seconds = Long.parseLong(given.trim());
            if (seconds >= 0 && seconds <= MOST_BULK_WAIT.toSeconds()) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("bulk-wait is a number of seconds from 0 to " + MOST_BULK_WAIT.toSeconds()
                + ", got '" + given + "'.");
    }
}
