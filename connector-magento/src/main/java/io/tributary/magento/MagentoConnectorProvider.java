package io.tributary.magento;

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
 * The Magento 2 / Adobe Commerce REST API plugin: products (configurable children linked to their parent), orders
 * (configurable lines stored once) and customer accounts ({@code customers/search}, read by {@code updated_at} like
 * orders). Three ways to sign in, one per connection: an admin user, an
 * integration signing with OAuth 1.0a, or an integration's access token as a bearer token.
 */
public final class MagentoConnectorProvider implements ConnectorProvider {
    private static final String WHERE = "System > Extensions > Integrations > Edit > Integration Details";
    private static final List<CredentialField> FIELDS = List.of(
            new CredentialField(CredentialField.ACCESS_TOKEN, "Admin user name or access token", true, true,
                    "auth-mode admin: the admin user's name; integration or bearer: the integration's Access Token ("
                            + WHERE + ")."),
            new CredentialField(CredentialField.SECRET, "Admin password or access token secret", true, false,
                    "auth-mode admin: the admin user's password; integration: the integration's Access Token Secret; "
                            + "bearer: not used."),
            new CredentialField(MagentoCredentials.CONSUMER_KEY, "Consumer key", true, false,
                    "auth-mode integration: the integration's Consumer Key (" + WHERE + ")."),
            new CredentialField(MagentoCredentials.CONSUMER_SECRET, "Consumer secret", true, false,
                    "auth-mode integration: the integration's Consumer Secret."),
            new CredentialField(MagentoAuthMode.FIELD, "Authentication", false, false,
                    "admin, integration or bearer; default: integration when a consumer key is given, else admin. "
                            + "bearer sends the access token alone (only where the shop allows it; off since 2.4.4)."));

    @Override
    public String systemId() {
        return "magento";
    }

    @Override
    public String displayName() {
        return "Magento";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return FIELDS;
    }

    @Override
    public Set<EntityType> supportedEntities() {
        return Set.of(EntityType.PRODUCTS, EntityType.ORDERS, EntityType.CUSTOMERS);
    }

    /** Products and orders; customers are never reconciled (EntityType.CUSTOMERS), so their ids are not listed. */
    @Override
    public Set<EntityType> listableEntities() {
        return Set.of(EntityType.PRODUCTS, EntityType.ORDERS);
    }

    @Override
    public List<ValidationProblem> validate(ConnectionSettings settings) {
        List<ValidationProblem> problems = new ArrayList<>();
        try {
            MagentoSite.of(settings.apiUrl());
        } catch (IllegalArgumentException e) {
            problems.add(new ValidationProblem("url", e.getMessage()));
        }
        MagentoAuthMode mode;
        try {
            mode = MagentoCredentials.modeOf(settings);
        } catch (IllegalArgumentException e) {
            problems.add(new ValidationProblem(MagentoAuthMode.FIELD, e.getMessage()));
            return problems;
        }
        switch (mode) {
            case ADMIN -> {
                require(settings, CredentialField.SECRET, "The admin password (--secret) is required with auth-mode "
                        + "admin.", problems);
                for (String unused : List.of(MagentoCredentials.CONSUMER_KEY, MagentoCredentials.CONSUMER_SECRET)) {
                    if (settings.has(unused)) {
                        problems.add(new ValidationProblem(unused, "auth-mode admin signs in with a user name and "
                                + "password; remove " + unused + ", or use auth-mode integration."));
                    }
                }
            }
            case INTEGRATION -> {
                require(settings, CredentialField.SECRET, "The integration's access token secret (--secret) is "
                        + "required with auth-mode integration.", problems);
                require(settings, MagentoCredentials.CONSUMER_KEY, "The integration's consumer key (--credential "
                        + "consumer-key=...) is required with auth-mode integration.", problems);
                require(settings, MagentoCredentials.CONSUMER_SECRET, "The integration's consumer secret "
                        + "(--credential consumer-secret=...) is required with auth-mode integration.", problems);
                checkShape(settings, MagentoCredentials.CONSUMER_KEY, "consumer key", problems);
                checkShape(settings, MagentoCredentials.CONSUMER_SECRET, "consumer secret", problems);
                checkShape(settings, CredentialField.ACCESS_TOKEN, "access token", problems);
                checkShape(settings, CredentialField.SECRET, "access token secret", problems);
            }
            case BEARER -> checkShape(settings, CredentialField.ACCESS_TOKEN, "access token", problems);
        }
        return problems;
    }

    private static void require(ConnectionSettings settings, String field, String sentence,
            List<ValidationProblem> problems) {
        if (!settings.has(field)) {
            problems.add(new ValidationProblem(field, sentence));
        }
    }

    /** Magento makes every integration value 32 letters and digits; anything else was copied wrong. */
    private static void checkShape(ConnectionSettings settings, String field, String what,
            List<ValidationProblem> problems) {
        settings.secret(field).filter(value -> !value.reveal().matches("[A-Za-z0-9]{32}")).ifPresent(value ->
                problems.add(new ValidationProblem(field, "A Magento integration's " + what + " is 32 letters and "
                        + "digits (" + WHERE + "); the value given has " + value.length()
                        + (value.length() == 1 ? " character" : " characters")
                        + (value.reveal().strip().length() != value.length() ? ", with spaces around it" : "")
                        + ".")));
    }

    @Override
    public Connector open(ConnectionSettings settings, ConnectorContext context) {
        return new MagentoConnector(settings, context);
    }
}
