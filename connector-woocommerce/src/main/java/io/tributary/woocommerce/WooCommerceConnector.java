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
import io.tributary.spi.RecordStream;
import io.tributary.spi.Secret;
import io.tributary.spi.SyncCursor;
import io.tributary.spi.VerificationResult;
import java.util.List;
import java.util.Map;

/** One open WooCommerce connection. */
final class WooCommerceConnector implements Connector {
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
        WooCommerceIndex index = WooCommerceIndex.of(client.index(), site);
        String currency = entity == EntityType.PRODUCTS ? currency(client) : null;
        return new WooCommerceRecordStream(client, entity, from, index.modifiedFilters(), index.allVariations(),
                currency, client.siteZone().orElse(null));
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
