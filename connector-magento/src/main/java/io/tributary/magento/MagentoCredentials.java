package io.tributary.magento;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.CredentialField;
import io.tributary.spi.Secret;

/** A connection's credentials, typed by mode. Built from settings that passed validation. */
sealed interface MagentoCredentials {
    String CONSUMER_KEY = "consumer-key";
    String CONSUMER_SECRET = "consumer-secret";

    MagentoAuthMode mode();

    /** An admin user's name and password. */
    record Admin(Secret username, Secret password) implements MagentoCredentials {
        public Admin {
            requireNonNull(username, "username is null");
            requireNonNull(password, "password is null");
        }

        @Override
        public MagentoAuthMode mode() {
            return MagentoAuthMode.ADMIN;
        }
    }

    /** An integration's four OAuth 1.0a values. */
    record Integration(Secret consumerKey, Secret consumerSecret, Secret accessToken, Secret accessTokenSecret)
            implements MagentoCredentials {
        public Integration {
            requireNonNull(consumerKey, "consumerKey is null");
            requireNonNull(consumerSecret, "consumerSecret is null");
            requireNonNull(accessToken, "accessToken is null");
            requireNonNull(accessTokenSecret, "accessTokenSecret is null");
        }

        @Override
        public MagentoAuthMode mode() {
            return MagentoAuthMode.INTEGRATION;
        }
    }

    /** An integration's access token, sent alone. */
    record Bearer(Secret accessToken) implements MagentoCredentials {
        public Bearer {
            requireNonNull(accessToken, "accessToken is null");
        }

        @Override
        public MagentoAuthMode mode() {
            return MagentoAuthMode.BEARER;
        }
    }

    static MagentoAuthMode modeOf(ConnectionSettings settings) {
        return MagentoAuthMode.resolve(settings.option(MagentoAuthMode.FIELD).orElse(null),
                settings.has(CONSUMER_KEY));
    }

    /** The credentials of valid settings; throws IllegalArgumentException when a value the mode needs is missing. */
    static MagentoCredentials of(ConnectionSettings settings) {
        return switch (modeOf(settings)) {
            case ADMIN -> new Admin(secret(settings, CredentialField.ACCESS_TOKEN), secret(settings, CredentialField.SECRET));
            case INTEGRATION -> new Integration(secret(settings, CONSUMER_KEY), secret(settings, CONSUMER_SECRET),
                    secret(settings, CredentialField.ACCESS_TOKEN), secret(settings, CredentialField.SECRET));
            case BEARER -> new Bearer(secret(settings, CredentialField.ACCESS_TOKEN));
        };
    }

    private static Secret secret(ConnectionSettings settings, String field) {
        return settings.secret(field).orElseThrow(() -> new IllegalArgumentException("The Magento connection "
                + settings.label() + " has no " + field + "."));
    }
}
