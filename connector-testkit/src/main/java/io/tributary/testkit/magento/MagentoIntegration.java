package io.tributary.testkit.magento;

import static java.util.Objects.requireNonNull;

import io.tributary.testkit.leaks.CredentialWatch;

/**
 * The four values an activated integration (System > Extensions > Integrations) shows: consumer key and
 * secret, access token and access token secret — each 32 characters in Magento.
 */
public record MagentoIntegration(String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret) {
    public MagentoIntegration {
        requireNonNull(consumerKey, "consumerKey is null");
        requireNonNull(consumerSecret, "consumerSecret is null");
        requireNonNull(accessToken, "accessToken is null");
        requireNonNull(accessTokenSecret, "accessTokenSecret is null");
        CredentialWatch.secret(consumerSecret);
        CredentialWatch.secret(accessToken);
        CredentialWatch.secret(accessTokenSecret);
    }

    @Override
    public String toString() {
        return "MagentoIntegration[" + consumerKey + "]";
    }
}
