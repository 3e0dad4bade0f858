package io.tributary.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.CredentialField;
import io.tributary.spi.Secret;
import io.tributary.spi.ValidationProblem;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Offline checks: the shop's address, the auth mode and its fields, the API version. */
class ShopifyConnectorProviderTest {
    private final ShopifyConnectorProvider provider = new ShopifyConnectorProvider();

    private static ConnectionSettings settings(String url, Map<String, String> options, String token, String secret) {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        if (token != null) {
            secrets.put(CredentialField.ACCESS_TOKEN, Secret.of(token));
        }
        if (secret != null) {
            secrets.put(CredentialField.SECRET, Secret.of(secret));
        }
        return new ConnectionSettings(0, "s", "shopify", URI.create(url), options, secrets);
    }

    @Test
    void theAdminsAddressAndAPathBecomeThePermanentAddress() {
        assertThat(ShopifyShop.of(URI.create("https://admin.shopify.com/store/Cafe-Lumiere/products?x")).display())
                .isEqualTo("https://cafe-lumiere.myshopify.com");
        assertThat(ShopifyShop.of(URI.create("http://cafe-lumiere.myshopify.com/admin")).display())
                .isEqualTo("https://cafe-lumiere.myshopify.com");
        assertThat(ShopifyShop.of(URI.create("http://127.0.0.1:8080/x")).graphQl("2026-10").toString())
                .isEqualTo("http://127.0.0.1:8080/admin/api/2026-10/graphql.json");
    }

    @Test
    void aCustomDomainIsRefusedWithWhereToFindTheAddress() {
        assertThatThrownBy(() -> ShopifyShop.of(URI.create("https://shop.example.com")))
                .hasMessage("'shop.example.com' is not a *.myshopify.com address: Shopify's Admin API answers only at "
                        + "the shop's permanent address, never at a custom domain. Give https://<handle>.myshopify.com "
                        + "(shown in the Shopify admin under Settings > Domains) or the admin's address "
                        + "https://admin.shopify.com/store/<handle>.");
        assertThatThrownBy(() -> ShopifyShop.of(URI.create("https://admin.shopify.com/")))
                .hasMessageContaining("is Shopify's admin but names no shop");
        List<ValidationProblem> problems = provider.validate(settings("https://www.cafe.fr", Map.of(), "shpat_x", null));
        assertThat(problems).extracting(ValidationProblem::field).containsExactly("url");
    }

    @Test
    void theModeIsGuessedFromWhatWasGivenAndEachModeNeedsItsFields() {
        String shop = "https://cafe.myshopify.com";
        assertThat(provider.validate(settings(shop, Map.of(), "shpat_abc", null))).isEmpty();
        assertThat(ShopifyCredentials.of(settings(shop, Map.of(), "id", "secret")))
                .isInstanceOf(ShopifyCredentials.ClientCredentials.class);
        assertThat(ShopifyCredentials.of(settings(shop, Map.of(), "no-prefix-token", null)))
                .isInstanceOf(ShopifyCredentials.Token.class);
        assertThat(provider.validate(settings(shop, Map.of("auth-mode", "client-credentials"), "id", null)))
                .extracting(ValidationProblem::message).containsExactly("The app's client secret (--secret) is "
                        + "required with auth-mode client-credentials; --access-token is then its client ID.");
        assertThat(provider.validate(settings(shop, Map.of("auth-mode", "token"), "shpat_abc", "s")))
                .extracting(ValidationProblem::field).containsExactly("secret");
        assertThat(provider.validate(settings(shop, Map.of("auth-mode", "oauth"), "t", null)))
                .extracting(ValidationProblem::message)
                .containsExactly("The Shopify auth-mode must be token or client-credentials, got 'oauth'.");
    }

    @Test
    void theApiVersionIsAQuarterlyReleaseAndSupportEndsAYearLater() {
        assertThat(provider.validate(settings("https://cafe.myshopify.com", Map.of("api-version", "2026-11"), "t", null)))
                .extracting(ValidationProblem::field).containsExactly("api-version");
        ShopifyApiVersion version = ShopifyApiVersion.of(null);
        assertThat(version.name()).isEqualTo("2026-10");
        assertThat(version.supportedUntil()).isEqualTo(LocalDate.of(2027, 10, 1));
        assertThat(version.warning(LocalDate.of(2027, 6, 30))).isNull();
        assertThat(version.warning(LocalDate.of(2027, 7, 1))).startsWith("Shopify's support for API version 2026-10 "
                + "ends on 2027-10-01");
        assertThat(version.warning(LocalDate.of(2027, 10, 2))).contains("ended on 2027-10-01, so Shopify answers with "
                + "the oldest version it still supports");
    }
}
