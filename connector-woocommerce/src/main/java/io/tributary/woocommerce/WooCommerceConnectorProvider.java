package io.tributary.woocommerce;

import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.ConnectorProvider;
import io.tributary.spi.CredentialField;
import io.tributary.spi.EntityType;
import io.tributary.spi.Shipment;
import io.tributary.spi.ShippableOrders;
import io.tributary.spi.ValidationProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The WooCommerce REST API v3 plugin: products (with variations) and orders (with line items), whose shipping
 * addresses routes can hand to a courier.
 */
public final class WooCommerceConnectorProvider implements ConnectorProvider, ShippableOrders {
    private static final List<CredentialField> FIELDS = List.of(
            new CredentialField(CredentialField.ACCESS_TOKEN, "Consumer key", true, true,
                    "The consumer key (ck_…) from WooCommerce > Settings > Advanced > REST API."),
            new CredentialField(CredentialField.SECRET, "Consumer secret", true, true,
                    "The consumer secret (cs_…) shown once when the key was created."),
            new CredentialField(WooCommerceAuthMode.FIELD, "Authentication", false, false,
                    "auto (default: Basic over https, query parameters if the server strips the Authorization "
                            + "header, OAuth 1.0a over http), basic, query or oauth1."));

    @Override
    public String systemId() {
        return "woocommerce";
    }

    @Override
    public String displayName() {
        return "WooCommerce";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return FIELDS;
    }

    @Override
    public Set<EntityType> supportedEntities() {
        return Set.of(EntityType.PRODUCTS, EntityType.ORDERS, EntityType.CUSTOMERS);
    }

    /** Products and orders; customers are read whole at every sync, so a reconciliation pass would add nothing. */
    @Override
    public Set<EntityType> listableEntities() {
        return Set.of(EntityType.PRODUCTS, EntityType.ORDERS);
    }

    @Override
    public List<ValidationProblem> validate(ConnectionSettings settings) {
        List<ValidationProblem> problems = new ArrayList<>();
        settings.secret(CredentialField.ACCESS_TOKEN).filter(k -> !k.reveal().startsWith("ck_")).ifPresent(k ->
                problems.add(new ValidationProblem(CredentialField.ACCESS_TOKEN, "A WooCommerce consumer key starts "
                        + "with ck_ (WooCommerce > Settings > Advanced > REST API).")));
        settings.secret(CredentialField.SECRET).filter(s -> !s.reveal().startsWith("cs_")).ifPresent(s ->
                problems.add(new ValidationProblem(CredentialField.SECRET, "A WooCommerce consumer secret starts "
                        + "with cs_.")));
        WooCommerceAuthMode mode = null;
        try {
            mode = WooCommerceAuthMode.parse(settings.option(WooCommerceAuthMode.FIELD).orElse(null));
        } catch (IllegalArgumentException e) {
            problems.add(new ValidationProblem(WooCommerceAuthMode.FIELD, e.getMessage()));
        }
        boolean http = "http".equals(String.valueOf(settings.apiUrl().getScheme()).toLowerCase(Locale.ROOT));
        if (http && (mode == WooCommerceAuthMode.BASIC || mode == WooCommerceAuthMode.QUERY)) {
            problems.add(new ValidationProblem(WooCommerceAuthMode.FIELD, "auth-mode " + mode.cliName() + " would send "
                    + "the consumer secret in clear over http://, and WooCommerce accepts it only over https: use the "
                    + "https:// address or auth-mode oauth1."));
        }
        return problems;
    }

    @Override
    public Connector open(ConnectionSettings settings, ConnectorContext context) {
        return new WooCommerceConnector(settings, context);
    }

    @Override
    public Shipment shipmentOf(String orderRawJson) {
        return WooCommerceShipmentMapper.shipment(orderRawJson);
    }
}
