package io.tributary.woocommerce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.CredentialField;
import io.tributary.spi.FailureKind;
import io.tributary.spi.Secret;
import io.tributary.spi.VerificationResult;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Verify connection names what is wrong, in one sentence, for every failure kind of the contract. */
class WooCommerceDiagnosisTest {
    private static final String INDEX = "{\"namespace\":\"wc/v3\",\"routes\":{}}";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort()).build();

    private final HttpStack http = HttpStack.create(HttpPolicy.builder().verificationBudget(Duration.ofSeconds(2))
            .build());

    @AfterEach
    void close() {
        http.close();
    }

    private VerificationResult verify(String url) {
        ConnectionSettings settings = new ConnectionSettings(0, "unsaved", "woocommerce", URI.create(url), Map.of(),
                Map.of(CredentialField.ACCESS_TOKEN, Secret.of("ck_abc"), CredentialField.SECRET, Secret.of("cs_def")));
        VerificationResult result = new WooCommerceConnectorProvider()
                .open(settings, ConnectorContext.of(Clock.systemUTC(), http)).verify();
        assertThat(result.message()).doesNotContain("cs_def").doesNotContain("ck_abc");
        return result;
    }

    private String site() {
        return server.getRuntimeInfo().getHttpBaseUrl() + "/";
    }

    private static String error(String code, String message, int status) {
        return "{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"data\":{\"status\":" + status + "}}";
    }

    @Test
    void anHtmlPageIsNotThisSystem() {
        server.stubFor(get(urlPathEqualTo("/wp-json/wc/v3")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<!DOCTYPE html><html><title>Log In</title></html>")));
        VerificationResult result = verify(site());
        assertThat(result.kind()).isEqualTo(FailureKind.NOT_THIS_SYSTEM);
        assertThat(result.message()).contains("answered with an HTML page, not WooCommerce's REST API")
                .contains("check that " + site() + " is the shop's address");
    }

    @Test
    void wordpressWithoutWooCommerceIsNotThisSystem() {
        server.stubFor(get(urlPathEqualTo("/wp-json/wc/v3")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(error("rest_no_route",
                        "No route was found matching the URL and request method.", 404))));
        VerificationResult result = verify(site() + "wp-json/wc/v3/");
        assertThat(result.kind()).isEqualTo(FailureKind.NOT_THIS_SYSTEM);
        assertThat(result.message()).contains("WooCommerce's REST API (wc/v3) is not there");
        assertThat(result.httpStatus()).isEqualTo(404);
    }

    @Test
    void anotherJsonApiIsNotThisSystem() {
        server.stubFor(get(urlPathEqualTo("/wp-json/wc/v3")).willReturn(okJson("{\"hello\":\"world\"}")));
        assertThat(verify(site()).kind()).isEqualTo(FailureKind.NOT_THIS_SYSTEM);
    }

    @Test
    void aKeyWithoutReadPermissionIsForbidden() {
        server.stubFor(get(urlPathEqualTo("/wp-json/wc/v3")).willReturn(okJson(INDEX)));
        server.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/products")).willReturn(aResponse().withStatus(401)
                .withBody(error("woocommerce_rest_authentication_error",
                        "The API key provided does not have read permissions.", 401))));
        VerificationResult result = verify(site());
        assertThat(result.kind()).isEqualTo(FailureKind.FORBIDDEN);
        assertThat(result.message()).contains("give it Read or Read/Write permission");
    }

    @Test
    void aUserWhoMayNotListOrdersIsForbiddenNamingOrders() {
        server.stubFor(get(urlPathEqualTo("/wp-json/wc/v3")).willReturn(okJson(INDEX)));
        server.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/products")).willReturn(okJson("[]")));
        server.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders")).willReturn(aResponse().withStatus(403)
                .withBody(error("woocommerce_rest_cannot_view", "Sorry, you cannot list resources.", 403))));
        VerificationResult result = verify(site());
        assertThat(result.kind()).isEqualTo(FailureKind.FORBIDDEN);
        assertThat(result.message()).startsWith("WooCommerce refused listing orders: the WordPress user the consumer key belongs to lacks")
                .contains("Shop manager");
    }

    @Test
    void unreachableTlsTimeoutRateLimitAndServerErrorsAreNamed() {
        assertThat(verify("http://127.0.0.1:1/").kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(verify("https://localhost:" + server.getHttpsPort() + "/").kind()).isEqualTo(FailureKind.TLS);

        server.stubFor(get(urlPathEqualTo("/wp-json/wc/v3")).willReturn(okJson(INDEX).withFixedDelay(4000)));
        VerificationResult slow = verify(site());
        assertThat(slow.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(slow.latencyMs()).isLessThan(3500);

        server.stubFor(get(urlPathEqualTo("/wp-json/wc/v3")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30")));
        assertThat(verify(site()).kind()).isEqualTo(FailureKind.RATE_LIMITED);

        server.stubFor(get(urlPathEqualTo("/wp-json/wc/v3")).willReturn(aResponse().withStatus(500)));
        VerificationResult broken = verify(site());
        assertThat(broken.kind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(broken.httpStatus()).isEqualTo(500);
    }
}
