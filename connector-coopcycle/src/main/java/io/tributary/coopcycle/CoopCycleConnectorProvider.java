package io.tributary.coopcycle;

import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.ConnectorProvider;
import io.tributary.spi.CredentialField;
import io.tributary.spi.EntityType;
import io.tributary.spi.Secret;
import io.tributary.spi.ValidationProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The CoopCycle plugin: a store's deliveries read as orders, and orders of other connections posted to the store
 * as deliveries (its connector is a {@link io.tributary.spi.DeliveryTarget}). A store app has no products to read,
 * so only orders are declared.
 */
public final class CoopCycleConnectorProvider implements ConnectorProvider {
    private static final List<CredentialField> FIELDS = List.of(
            new CredentialField(CredentialField.ACCESS_TOKEN, "API app identifier or API key", true, true,
                    "The Identifier of the store's API app (CoopCycle admin > Stores > API), or an ak_ API key."),
            new CredentialField(CredentialField.SECRET, "API app secret", true, false,
                    "The Secret key shown with the identifier; leave it empty for an ak_ API key."),
            new CredentialField(CoopCycleAuthMode.FIELD, "Authentication", false, false,
                    "oauth2 (client credentials with identifier and secret) or api-key; default: api-key when the "
                            + "token starts with ak_, oauth2 otherwise."),
            new CredentialField(CoopCycleSettings.CURRENCY, "Currency", false, false,
                    "The ISO 4217 currency of the instance's amounts, which CoopCycle does not send; default EUR."),
            new CredentialField(CoopCycleSettings.REREAD_DAYS, "Re-read window (days)", false, false,
                    "Every delivery created within this many days is read again at every sync, and an unfinished "
                            + "one until this long past its dropoff deadline; default 7."));

    @Override
    public String systemId() {
        return "coopcycle";
    }

    @Override
    public String displayName() {
        return "CoopCycle";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return FIELDS;
    }

    @Override
    public Set<EntityType> supportedEntities() {
        return Set.of(EntityType.ORDERS);
    }

    /** CoopCycle cancels deliveries rather than deleting them, and the sync stores the cancellation as a status. */
    @Override
    public String whyNotListable(EntityType entity) {
        return "CoopCycle does not delete deliveries, it cancels them (their tasks become CANCELLED), which syncs "
                + "show as the order's status; there are no deletes to look for.";
    }

    @Override
    public List<ValidationProblem> validate(ConnectionSettings settings) {
        List<ValidationProblem> problems = new ArrayList<>();
        CoopCycleAuthMode mode = null;
        try {
            mode = CoopCycleSettings.modeOf(settings);
        } catch (IllegalArgumentException e) {
            problems.add(new ValidationProblem(CoopCycleAuthMode.FIELD, e.getMessage()));
        }
        String token = settings.secret(CredentialField.ACCESS_TOKEN).map(Secret::reveal).orElse(null);
        boolean hasSecret = settings.secret(CredentialField.SECRET).isPresent();
        if (token != null && (token.isBlank() || token.chars().anyMatch(Character::isWhitespace))) {
            problems.add(new ValidationProblem(CredentialField.ACCESS_TOKEN, "The access token must not contain "
                    + "spaces."));
        }
        if (mode == CoopCycleAuthMode.API_KEY) {
            if (token != null && !token.startsWith("ak_")) {
                problems.add(new ValidationProblem(CredentialField.ACCESS_TOKEN, "A CoopCycle API key starts with ak_; "
                        + "for an API app's identifier use auth-mode oauth2 with its secret."));
            }
            if (hasSecret) {
                problems.add(new ValidationProblem(CredentialField.SECRET, "An ak_ API key has no secret: leave "
                        + "--secret out (or use auth-mode oauth2 with the API app's identifier)."));
            }
        } else if (mode == CoopCycleAuthMode.OAUTH2) {
            if (token != null && token.startsWith("ak_")) {
                problems.add(new ValidationProblem(CredentialField.ACCESS_TOKEN, "ak_ tokens are API keys: use "
                        + "auth-mode api-key, or give the API app's identifier for oauth2."));
            }
            if (!hasSecret) {
                problems.add(new ValidationProblem(CredentialField.SECRET, "The API app's secret is required with "
                        + "its identifier (auth-mode oauth2)."));
            }
        }
        settings.option(CoopCycleSettings.CURRENCY).filter(c -> !c.trim().matches("[A-Z]{3}")).ifPresent(c ->
                problems.add(new ValidationProblem(CoopCycleSettings.CURRENCY, "The currency must be an ISO 4217 "
                        + "code such as EUR, got '" + c + "'.")));
        settings.option(CoopCycleSettings.REREAD_DAYS).filter(d -> !validDays(d)).ifPresent(d ->
                problems.add(new ValidationProblem(CoopCycleSettings.REREAD_DAYS, "reread-days must be a whole "
                        + "number from 1 to " + CoopCycleSettings.MAX_REREAD_DAYS + ", got '" + d + "'.")));
        return problems;
    }

    private static boolean validDays(String text) {
        try {
            int days = Integer.parseInt(text.trim());
            return days >= 1 && days <= CoopCycleSettings.MAX_REREAD_DAYS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public Connector open(ConnectionSettings settings, ConnectorContext context) {
        return new CoopCycleConnector(settings, context);
    }
}
