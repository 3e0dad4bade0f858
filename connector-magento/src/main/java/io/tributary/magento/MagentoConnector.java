package io.tributary.magento;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.HttpSession;
import io.tributary.http.HttpStack;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.EntityType;
import io.tributary.spi.RecordStream;
import io.tributary.spi.SyncCursor;
import io.tributary.spi.UnsupportedEntityException;
import io.tributary.spi.VerificationResult;
import java.util.List;

/**
 * One open Magento connection. In admin mode the token is kept for the life of this instance — shared by a
 * verification and the reads that follow — and a refused sign-in is remembered, so this instance never sends
 * the same password twice.
 */
final class MagentoConnector implements Connector {
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
        if (entity != EntityType.PRODUCTS && entity != EntityType.ORDERS) {
            throw new UnsupportedEntityException("Magento", entity);
        }
        MagentoClient client = client(context.service(HttpStack.class)
                .session(settings.systemId(), rateLimitKey(), List.of(interceptor())));
        String currency = entity == EntityType.PRODUCTS ? currency(client) : null;
        return new MagentoRecordStream(client, entity, from, currency);
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
