package io.tributary.magento;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.FailureKind;
import io.tributary.spi.VerificationResult;
import io.tributary.testkit.magento.MagentoIntegration;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Verify connection names what is wrong, in one sentence, for the failure kinds of the contract. */
class MagentoDiagnosisTest {
    private static final MagentoIntegration KEYS = new MagentoIntegration("a".repeat(32), "b".repeat(32),
            "c".repeat(32), "d".repeat(32));
    private static final String CONFIGS = "/rest/V1/store/storeConfigs";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().dynamicHttpsPort()).build();

    private final HttpStack http = HttpStack.create(HttpPolicy.builder().verificationBudget(Duration.ofSeconds(2))
            .build());

    @AfterEach
    void close() {
        http.close();
    }

    private VerificationResult verify(String api) {
        VerificationResult result = new MagentoConnectorProvider().open(FakeMagentoShop.settings(URI.create(api),
                MagentoAuthMode.INTEGRATION, KEYS, null, null), ConnectorContext.of(Clock.systemUTC(), http)).verify();
        assertThat(result.message()).doesNotContain("b".repeat(32)).doesNotContain("d".repeat(32));
        return result;
    }

    private String api() {
        return server.getRuntimeInfo().getHttpBaseUrl() + "/rest/V1";
    }

    @Test
    void anHtmlPageOrAnotherJsonApiIsNotThisSystem() {
        server.stubFor(get(CONFIGS).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<!DOCTYPE html><html><title>Maintenance</title></html>")));
        VerificationResult html = verify(api());
        assertThat(html.kind()).isEqualTo(FailureKind.NOT_THIS_SYSTEM);
        assertThat(html.message()).contains("answered with an HTML page titled \"Maintenance\"");

        server.stubFor(get(CONFIGS).willReturn(okJson("{\"hello\":\"world\"}")));
        VerificationResult other = verify(api());
        assertThat(other.kind()).isEqualTo(FailureKind.NOT_THIS_SYSTEM);
        assertThat(other.message()).contains("not a list of Magento store configurations");

        server.stubFor(get(CONFIGS).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"not found\"}")));
        assertThat(verify(api()).kind()).isEqualTo(FailureKind.NOT_THIS_SYSTEM);
    }

    @Test
    void magentosErrorsAreShownWithTheirPlaceholdersFilled() {
        server.stubFor(get(CONFIGS).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"The \\\"%value\\\" value's type is invalid. The \\\"%type\\\" type was "
                        + "expected.\",\"parameters\":{\"value\":\"abc\",\"type\":\"int\"}}")));
        VerificationResult named = verify(api());
        assertThat(named.kind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(named.message()).isEqualTo("Magento refused reading the store configuration (HTTP 400: The \"abc\" "
                + "value's type is invalid. The \"int\" type was expected.).");

        server.stubFor(get(CONFIGS).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"The nonce is already being used by the consumer with ID %1\",\"parameters\":[\"7\"]}")));
        assertThat(verify(api()).message()).contains("(\"The nonce is already being used by the consumer with ID 7\")");

        server.stubFor(get(CONFIGS).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Internal Error. Details are available in Magento log file. Report ID: "
                        + "webapi-6650f1\"}")));
        VerificationResult broken = verify(api());
        assertThat(broken.kind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(broken.httpStatus()).isEqualTo(500);
        assertThat(broken.message()).endsWith("(Magento: Internal Error. Details are available in Magento log file. "
                + "Report ID: webapi-6650f1).");
    }

    @Test
    void unreachableTlsTimeoutAndRateLimitAreNamed() {
        assertThat(verify("http://127.0.0.1:1/rest/V1").kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(verify("https://localhost:" + server.getHttpsPort() + "/rest/V1").kind()).isEqualTo(FailureKind.TLS);

        server.stubFor(get(urlPathEqualTo(CONFIGS)).willReturn(okJson("[]").withFixedDelay(4000)));
        VerificationResult slow = verify(api());
        assertThat(slow.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(slow.latencyMs()).isLessThan(3500);

        server.stubFor(get(urlPathEqualTo(CONFIGS)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        assertThat(verify(api()).kind()).isEqualTo(FailureKind.RATE_LIMITED);
    }
}
