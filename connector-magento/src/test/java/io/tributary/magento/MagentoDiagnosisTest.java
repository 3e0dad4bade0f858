package io.tributary.magento;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tributary.spi.FailureKind;
import io.tributary.spi.VerificationResult;
import io.tributary.testkit.contract.Verifier;
import io.tributary.testkit.magento.MagentoIntegration;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Verify connection names what is wrong in Magento's own words. The failure kinds every connector tells apart are in
 * the shared contract ({@link MagentoContractTest}); this pins the sentences for answers only Magento gives.
 */
class MagentoDiagnosisTest {
    private static final MagentoIntegration KEYS = new MagentoIntegration("a".repeat(32), "b".repeat(32),
            "c".repeat(32), "d".repeat(32));
    private static final String CONFIGS = "/rest/V1/store/storeConfigs";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final Verifier verifier = new Verifier(new MagentoConnectorProvider());

    @AfterEach
    void close() {
        verifier.close();
    }

    private VerificationResult verify(String api) {
        return verifier.verify(FakeMagentoShop.settings(URI.create(api), MagentoAuthMode.INTEGRATION, KEYS, null, null));
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
}
