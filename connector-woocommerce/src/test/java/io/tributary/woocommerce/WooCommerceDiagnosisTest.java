package io.tributary.woocommerce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tributary.spi.FailureKind;
import io.tributary.spi.VerificationResult;
import io.tributary.testkit.contract.Verifier;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Verify connection names what is wrong in WooCommerce's own words. The failure kinds every connector tells apart are
 * in the shared contract ({@link WooCommerceContractTest}); this pins the sentences for answers only WordPress gives.
 */
class WooCommerceDiagnosisTest {
    private static final String INDEX = "{\"namespace\":\"wc/v3\",\"routes\":{}}";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final Verifier verifier = new Verifier(new WooCommerceConnectorProvider());

    @AfterEach
    void close() {
        verifier.close();
    }

    private VerificationResult verify(String url) {
        return verifier.verify(FakeWooCommerceShop.settings(URI.create(url), "ck_abc", "cs_def", Map.of()));
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
}
