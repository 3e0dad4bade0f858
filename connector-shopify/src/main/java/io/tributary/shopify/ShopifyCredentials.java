package io.tributary.shopify;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.CredentialField;
import io.tributary.spi.Secret;

/** A connection's credentials, typed by mode. Built from settings that passed validation. */
sealed interface ShopifyCredentials {
    ShopifyAuthMode mode();

    /** An admin-created custom app's Admin API access token. */
    record Token(Secret accessToken) implements ShopifyCredentials {
        public Token {
            requireNonNull(accessToken, "accessToken is null");
        }

        @Override
        public ShopifyAuthMode mode() {
            return ShopifyAuthMode.TOKEN;
        }
    }

    /** A Dev Dashboard app's client ID and client secret. */
    record ClientCredentials(Secret clientId, Secret clientSecret) implements ShopifyCredentials {
        public ClientCredentials {
            requireNonNull(clientId, "clientId is null");
            requireNonNull(clientSecret, "clientSecret is null");
        }

        @Override
        public ShopifyAuthMode mode() {
            return ShopifyAuthMode.CLIENT_CREDENTIALS;
        }
    }

    static ShopifyAuthMode modeOf(ConnectionSettings settings) {
        return ShopifyAuthMode.resolve(settings.option(ShopifyAuthMode.FIELD).orElse(null),
                settings.has(CredentialField.SECRET));
    }

    static ShopifyCredentials of(ConnectionSettings settings) {
        return switch (modeOf(settings)) {
            case TOKEN -> new Token(secret(settings, CredentialField.ACCESS_TOKEN));
            case CLIENT_CREDENTIALS -> new ClientCredentials(secret(settings, CredentialField.ACCESS_TOKEN),
                    secret(settings, CredentialField.SECRET));
        };
    }

    private static Secret secret(ConnectionSettings settings, String field) {
        return settings.secret(field).orElseThrow(() -> new IllegalArgumentException("The Shopify connection "
                + settings.label() + " has no " + field + "."));
    }
}
