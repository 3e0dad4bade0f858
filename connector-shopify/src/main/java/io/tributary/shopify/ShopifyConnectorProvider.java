package io.tributary.shopify;

import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.ConnectorProvider;
import io.tributary.spi.CredentialField;
import io.tributary.spi.EntityType;
import io.tributary.spi.ValidationProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Shopify plugin: the GraphQL Admin API at a pinned version; products with their variants (stored as products
 * naming their parent), orders with their line items. Two ways in, one per connection: an admin-created custom app's
 * access token, or a Dev Dashboard app's client ID and secret (client credentials grant, token renewed daily).
 */
public final class ShopifyConnectorProvider implements ConnectorProvider {
    private static final List<CredentialField> FIELDS = List.of(
            new CredentialField(CredentialField.ACCESS_TOKEN, "Admin API access token or client ID", true, true,
                    "auth-mode token: the custom app's Admin API access token (shpat_…, Apps > Develop apps > API "
                            + "credentials); client-credentials: the Dev Dashboard app's Client ID (Settings)."),
            new CredentialField(CredentialField.SECRET, "Client secret", true, false,
                    "auth-mode client-credentials: the Dev Dashboard app's Client secret (Settings); token: not used."),
            new CredentialField(ShopifyAuthMode.FIELD, "Authentication", false, false,
                    "token or client-credentials; default: client-credentials when a secret is given, else token."),
            new CredentialField(ShopifyApiVersion.FIELD, "API version", false, false,
                    "The Admin API version to pin, YYYY-MM; default " + ShopifyApiVersion.BUILT_AGAINST.name()
                            + ", the one this connector was built against."),
            new CredentialField(ShopifyConnector.BULK_WAIT, "Bulk export wait", false, false,
                    "Seconds a full sync polls Shopify's bulk export on its own thread before it hands the thread back "
                            + "and looks again later (the run ends WAITING); 0 to 600, default "
                            + ShopifyBulkStream.IN_THREAD_WAIT.toSeconds() + "."));

    @Override
    public String systemId() {
        return "shopify";
    }

    @Override
    public String displayName() {
        return "Shopify";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return FIELDS;
    }

    @Override
    public Set<EntityType> supportedEntities() {
        return Set.of(EntityType.PRODUCTS, EntityType.ORDERS);
    }

    @Override
    public Set<EntityType> listableEntities() {
        return Set.of(EntityType.PRODUCTS, EntityType.ORDERS); // orders only with read_all_orders: see listIds
    }

    /** Orders: an app sees only the last 60 days of them without read_all_orders, so absence proves nothing. */
    @Override
    public String whyNotListable(EntityType entity) {
        return "Shopify shows an app only the last 60 days of orders unless it has the read_all_orders scope, so an "
                + "order missing from a listing is not necessarily deleted.";
    }

    @Override
    public List<ValidationProblem> validate(ConnectionSettings settings) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (problems.stream().noneMatch(p -> p.field().equals("url"))) {
            try {
                ShopifyShop.of(settings.apiUrl());
            } catch (IllegalArgumentException e) {
                problems.add(new ValidationProblem("url", e.getMessage()));
            }
        }
        try {
            ShopifyApiVersion.of(settings.option(ShopifyApiVersion.FIELD).orElse(null));
        } catch (IllegalArgumentException e) {
            problems.add(new ValidationProblem(ShopifyApiVersion.FIELD, e.getMessage()));
        }
        try {
            ShopifyConnector.bulkWait(settings);
        } catch (IllegalArgumentException e) {
            problems.add(new ValidationProblem(ShopifyConnector.BULK_WAIT, e.getMessage()));
        }
        ShopifyAuthMode mode;
        try {
            mode = ShopifyCredentials.modeOf(settings);
        } catch (IllegalArgumentException e) {
            problems.add(new ValidationProblem(ShopifyAuthMode.FIELD, e.getMessage()));
            return problems;
        }
        if (mode == ShopifyAuthMode.CLIENT_CREDENTIALS && !settings.has(CredentialField.SECRET)) {
            problems.add(new ValidationProblem(CredentialField.SECRET, "The app's client secret (--secret) is required "
                    + "with auth-mode client-credentials; --access-token is then its client ID."));
        }
        if (mode == ShopifyAuthMode.TOKEN && settings.has(CredentialField.SECRET)) {
            problems.add(new ValidationProblem(CredentialField.SECRET, "auth-mode token sends the access token alone; "
                    + "remove --secret, or use auth-mode client-credentials with a client ID and secret."));
        }
        settings.secret(CredentialField.ACCESS_TOKEN).filter(t -> !t.reveal().equals(t.reveal().strip()))
                .ifPresent(t -> problems.add(new ValidationProblem(CredentialField.ACCESS_TOKEN, "The access token or "
                        + "client ID has spaces around it; copy it again.")));
        return problems;
    }

    @Override
    public Connector open(ConnectionSettings settings, ConnectorContext context) {
        return new ShopifyConnector(settings, context, duration -> Thread.sleep(duration.toMillis()));
    }
}
