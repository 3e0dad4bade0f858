package io.tributary.magento;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connection.ConnectionChecks;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.CredentialField;
import io.tributary.spi.Secret;
import io.tributary.spi.ValidationProblem;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Credential fields as data and offline validation that lists every problem. */
class MagentoConnectorProviderTest {
    private static final String K32 = "a".repeat(32);
    private final MagentoConnectorProvider provider = new MagentoConnectorProvider();

    private static ConnectionSettings settings(String url, Map<String, String> options, Map<String, String> secrets) {
        Map<String, Secret> sealed = new HashMap<>();
        secrets.forEach((k, v) -> sealed.put(k, Secret.of(v)));
        return new ConnectionSettings(0, "m", "magento", URI.create(url), options, sealed);
    }

    private List<String> problems(ConnectionSettings settings) {
        return ConnectionChecks.check(provider, settings).stream().map(ValidationProblem::toString).toList();
    }

    @Test
    void declaresItsFieldsAsTheCliContractSays() {
        assertThat(provider.credentialFields()).extracting(CredentialField::name)
                .containsExactly("access-token", "secret", "consumer-key", "consumer-secret", "auth-mode");
        assertThat(provider.credentialFields()).filteredOn(CredentialField::secret).extracting(CredentialField::name)
                .containsExactly("access-token", "secret", "consumer-key", "consumer-secret");
        assertThat(provider.field("access-token").orElseThrow().required()).isTrue();
        assertThat(provider.field("secret").orElseThrow().required()).as("not for bearer").isFalse();
    }

    @Test
    void theModeDefaultsToIntegrationWithAConsumerKeyElseAdmin() {
        assertThat(MagentoAuthMode.resolve(null, true)).isEqualTo(MagentoAuthMode.INTEGRATION);
        assertThat(MagentoAuthMode.resolve(" ", false)).isEqualTo(MagentoAuthMode.ADMIN);
        assertThat(MagentoAuthMode.resolve("Bearer", false)).isEqualTo(MagentoAuthMode.BEARER);
        assertThat(problems(settings("https://shop.example/rest/V1", Map.of(),
                Map.of("access-token", "admin", "secret", "pw")))).isEmpty();
        assertThat(problems(settings("https://shop.example/rest/V1", Map.of("auth-mode", "bearer"),
                Map.of("access-token", K32)))).isEmpty();
        assertThat(problems(settings("https://shop.example/index.php/rest/default/V1", Map.of(), Map.of("access-token",
                K32, "secret", K32, "consumer-key", K32, "consumer-secret", K32)))).isEmpty();
    }

    @Test
    void listsEveryProblemAtOnce() {
        List<String> integration = problems(settings("https://shop.example/", Map.of("auth-mode", "integration"),
                Map.of("access-token", "short", "consumer-key", K32 + " ")));
        assertThat(integration).containsExactlyInAnyOrder(
                "url: A Magento REST API URL ends in /rest/V1 or /rest/<store code>/V1 (for example "
                        + "https://shop.example/rest/V1 or https://shop.example/index.php/rest/default/V1); "
                        + "'https://shop.example/' has no /rest in its path: append /rest/V1 to the shop's address.",
                "secret: The integration's access token secret (--secret) is required with auth-mode integration.",
                "consumer-secret: The integration's consumer secret (--credential consumer-secret=...) is required "
                        + "with auth-mode integration.",
                "consumer-key: A Magento integration's consumer key is 32 letters and digits (System > Extensions > "
                        + "Integrations > Edit > Integration Details); the value given has 33 characters, with spaces "
                        + "around it.",
                "access-token: A Magento integration's access token is 32 letters and digits (System > Extensions > "
                        + "Integrations > Edit > Integration Details); the value given has 5 characters.");
        assertThat(problems(settings("https://shop.example/rest/V1", Map.of("auth-mode", "oauth"), Map.of())))
                .containsExactlyInAnyOrder("access-token: Admin user name or access token is required.",
                        "auth-mode: The Magento auth-mode must be admin, integration or bearer, got 'oauth'.");
        assertThat(problems(settings("https://shop.example/rest/V1", Map.of("auth-mode", "admin"),
                Map.of("access-token", "admin", "consumer-key", K32)))).containsExactlyInAnyOrder(
                "secret: The admin password (--secret) is required with auth-mode admin.",
                "consumer-key: auth-mode admin signs in with a user name and password; remove consumer-key, or use "
                        + "auth-mode integration.");
        assertThat(problems(settings("ftp://shop.example/rest/V1", Map.of("colour", "blue"),
                Map.of("access-token", "u", "secret", "p")))).hasSize(2);
    }
}
