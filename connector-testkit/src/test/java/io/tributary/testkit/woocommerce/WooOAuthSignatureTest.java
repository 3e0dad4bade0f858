package io.tributary.testkit.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The expected strings below were written by hand from WooCommerce's check_oauth_signature() and
 * the signatures computed outside Java with
 * {@code printf '%s' "$BASE" | openssl dgst -sha1 -hmac 'cs_secret&' -binary | base64}.
 */
class WooOAuthSignatureTest {

    private static final String PRODUCTS = "http://127.0.0.1:8080/wp-json/wc/v3/products";

    @Test
    void baseStringFollowsWooCommerce() {
        // Deliberately out of order, with an array, a colon and non-ASCII text with a space.
        String query = "search=caf%C3%A9+cr%C3%A8me&per_page=10&include[]=12&include[]=13"
                + "&oauth_timestamp=1700000000&oauth_signature_method=HMAC-SHA1&oauth_nonce=abc"
                + "&oauth_consumer_key=ck_1234&modified_after=2024-05-01T10:00:00";

        String base = WooOAuthSignature.baseString("GET", PRODUCTS, PhpParameters.parse(query));

        assertThat(base).isEqualTo("GET&http%3A%2F%2F127.0.0.1%3A8080%2Fwp-json%2Fwc%2Fv3%2Fproducts&"
                + "include%255B0%255D%3D12%26include%255B1%255D%3D13"
                + "%26modified_after%3D2024-05-01T10%253A00%253A00"
                + "%26oauth_consumer_key%3Dck_1234%26oauth_nonce%3Dabc"
                + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1700000000"
                + "%26per_page%3D10%26search%3Dcaf%25C3%25A9%2520cr%25C3%25A8me");
        assertThat(WooOAuthSignature.sign(base, "cs_secret", WooOAuthSignature.HMAC_SHA1))
                .isEqualTo("xVzIeoRxiTsVXjgddWHHmYYcDRE=");
    }

    @Test
    void sha256UsesTheSameKeyWithAnAmpersand() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("oauth_timestamp", "1700000000");
        parameters.put("oauth_nonce", "n1");
        parameters.put("oauth_consumer_key", "ck_1234");
        parameters.put("oauth_signature_method", "HMAC-SHA256");

        String base = WooOAuthSignature.baseString("get", "http://127.0.0.1:8080/wp-json/wc/v3/orders", parameters);

        assertThat(base).startsWith("GET&http%3A%2F%2F127.0.0.1%3A8080%2Fwp-json%2Fwc%2Fv3%2Forders&oauth_consumer_key");
        assertThat(WooOAuthSignature.sign(base, "cs_secret", WooOAuthSignature.HMAC_SHA256))
                .isEqualTo("GxOVkkZwcS3Yy7LOCpkMiplNidSJDbhTODQjN2JX/FQ=");
    }

    @Test
    void namesSortByRawBytesBeforeEncoding() {
        // RFC 5849 sorts encoded names, where "%C3%A9" (é) comes before "z"; strcmp on UTF-8 does not.
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("é", "1");
        parameters.put("z", "2");

        assertThat(WooOAuthSignature.baseString("GET", "http://h/", parameters))
                .isEqualTo("GET&http%3A%2F%2Fh%2F&z%3D2%26%25C3%25A9%3D1");
    }

    @Test
    void rawUrlEncodeKeepsTildeAndEncodesSpaceAsPercent20() {
        assertThat(WooOAuthSignature.rawUrlEncode("a b~c+d/é")).isEqualTo("a%20b~c%2Bd%2F%C3%A9");
    }

    @Test
    void phpParsingKeepsTheLastScalarAndIndexesArrays() {
        Map<String, Object> parsed = PhpParameters.parse("a=1&a=2&b[]=x&b[]=y&c[k]=v&d.e=1&plus=a+b");

        assertThat(parsed).containsEntry("a", "2").containsEntry("d_e", "1").containsEntry("plus", "a b");
        assertThat(parsed.get("b")).isEqualTo(Map.of("0", "x", "1", "y"));
        assertThat(parsed.get("c")).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void signedQueryIsAcceptedByItsOwnBaseString() {
        String query = WooOAuthSignature.signedQuery("GET", PRODUCTS, Map.of("per_page", "5"), "ck_1234", "cs_secret",
                WooOAuthSignature.HMAC_SHA1, 1700000000L, "abc");
        Map<String, Object> parsed = PhpParameters.parse(query);
        String signature = (String) parsed.remove("oauth_signature");

        assertThat(query).startsWith("per_page=5&oauth_consumer_key=ck_1234&oauth_nonce=abc&");
        assertThat(WooOAuthSignature.sign(WooOAuthSignature.baseString("GET", PRODUCTS, parsed), "cs_secret",
                WooOAuthSignature.HMAC_SHA1)).isEqualTo(signature);
    }
}
