package io.tributary.testkit.woocommerce;

import static io.tributary.testkit.woocommerce.WooTestClient.json;
import static io.tributary.testkit.woocommerce.WooTestClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Authentication and permissions as WC_REST_Authentication and the controllers decide them. */
class FakeWooCommerceAuthTest {

    private static final String PRODUCTS = "wp-json/wc/v3/products";
    private static final String UNKNOWN_KEY = "ck_0000000000000000000000000000000000000000";

    private final FakeWooCommerce shop = FakeWooCommerce.builder().products(30).orders(10).seed(3).start();
    private final WooTestClient client = new WooTestClient(shop);

    @AfterEach
    void close() {
        shop.close();
    }

    @Test
    void defaultKeyLooksLikeARealOne() {
        assertThat(shop.consumerKey()).matches("ck_[0-9a-f]{40}");
        assertThat(shop.consumerSecret()).matches("cs_[0-9a-f]{40}");
        assertThat(shop.defaultKey().toString()).doesNotContain(shop.consumerSecret());
    }

    @Test
    void basicAuthOverHttps() {
        shop.ssl(true);
        HttpResponse<String> response = client.get(PRODUCTS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).hasSize(10);
        assertThat(shop.requests().last().orElseThrow().header("authorization")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic "));
    }

    @Test
    void basicAuthWithAWrongSecretIsAnAuthenticationError() {
        shop.ssl(true);
        HttpResponse<String> response = client.basic(PRODUCTS, shop.consumerKey(), "cs_wrong");

        assertError(response, 401, "woocommerce_rest_authentication_error", "Consumer secret is invalid.");
        // send_unauthorized_headers() only adds its realm when the auth method is still basic_auth,
        // but the OAuth attempt that always follows a failed Basic attempt changes it to oauth1.
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void anUnknownKeyIsNoAuthenticationErrorButAnAnonymousRequest() {
        shop.ssl(true);
        assertError(client.basic(PRODUCTS, UNKNOWN_KEY, "cs_x"), 401, "woocommerce_rest_cannot_view",
                "Sorry, you cannot list resources.");
        int id = shop.productIds().get(0);
        assertError(client.basic(PRODUCTS + "/" + id, UNKNOWN_KEY, "cs_x"), 401, "woocommerce_rest_cannot_view",
                "Sorry, you cannot view this resource.");
    }

    @Test
    void anonymousRequestForAMissingIdIsNotFoundBecauseThePermissionCheckNeedsAnObject() {
        assertError(client.anonymous(PRODUCTS + "/999999"), 404, "woocommerce_rest_product_invalid_id", "Invalid ID.");
        assertError(client.anonymous("wp-json/wc/v3/orders/999999"), 404, "woocommerce_rest_shop_order_invalid_id",
                "Invalid ID.");
    }

    @Test
    void queryParametersWorkWhenTheAuthorizationHeaderIsStripped() {
        shop.ssl(true).stripAuthorizationHeader(true);

        assertError(client.get(PRODUCTS), 401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
        HttpResponse<String> viaQuery = client.anonymous(PRODUCTS + "?consumer_key=" + shop.consumerKey()
                + "&consumer_secret=" + shop.consumerSecret());
        assertThat(viaQuery.statusCode()).isEqualTo(200);
        // WooCommerce builds its Link header from the request's own query, credentials included.
        assertThat(viaQuery.headers().firstValue("Link").orElseThrow()).contains("consumer_secret=" + shop.consumerSecret());
    }

    @Test
    void basicAuthIsIgnoredWithoutHttps() {
        assertError(client.get(PRODUCTS), 401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
    }

    @Test
    void oauthSignedRequestIsAccepted() {
        HttpResponse<String> response = client.oauth(PRODUCTS, params("per_page", "3",
                "modified_after", "2024-05-01T00:00:00", "search", "tee"), shop.consumerKey(), shop.consumerSecret());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(shop.requests().last().orElseThrow().queryParameter("oauth_signature_method")).contains("HMAC-SHA1");
    }

    @Test
    void oauthInTheAuthorizationHeaderIsAcceptedAndOverHttpsToo() {
        shop.ssl(true);
        long now = System.currentTimeMillis() / 1000;
        Map<String, String> oauth = params("oauth_consumer_key", shop.consumerKey(), "oauth_nonce", "n-header",
                "oauth_signature_method", "HMAC-SHA256", "oauth_timestamp", Long.toString(now), "per_page", "2");
        String signature = WooOAuthSignature.sign(WooOAuthSignature.baseString("GET", client.signedUrl(PRODUCTS), oauth),
                shop.consumerSecret(), "HMAC-SHA256");
        String header = "OAuth oauth_consumer_key=\"" + shop.consumerKey() + "\", oauth_nonce=\"n-header\", "
                + "oauth_signature_method=\"HMAC-SHA256\", oauth_timestamp=\"" + now + "\", oauth_signature=\""
                + WooOAuthSignature.rawUrlEncode(signature) + "\"";

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(shop.siteUrl().resolve(PRODUCTS + "?per_page=2"))
                .header("Authorization", header).GET().build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response)).hasSize(2);
    }

    @Test
    void oauthWithATamperedQueryFailsTheSignature() {
        String query = WooOAuthSignature.signedQuery("GET", client.signedUrl(PRODUCTS), params("per_page", "3"),
                shop.consumerKey(), shop.consumerSecret(), "HMAC-SHA1", System.currentTimeMillis() / 1000, "n1");

        assertError(client.anonymous(PRODUCTS + "?" + query.replace("per_page=3", "per_page=4")), 401,
                "woocommerce_rest_authentication_error", "Invalid signature - provided signature does not match.");
    }

    @Test
    void oauthSignedWithSingleEncodedValuesFails() {
        // Values encoded once in the base string (RFC-unlike "modified_after%3D2024-05-01T00%3A00%3A00"):
        // WooCommerce since 3.x encodes each name=value pair again, so this signature is wrong.
        long now = System.currentTimeMillis() / 1000;
        String base = "GET&" + WooOAuthSignature.rawUrlEncode(client.signedUrl(PRODUCTS)) + "&modified_after%3D"
                + "2024-05-01T00%3A00%3A00%26oauth_consumer_key%3D" + shop.consumerKey() + "%26oauth_nonce%3Dn2"
                + "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D" + now;
        String signature = WooOAuthSignature.sign(base, shop.consumerSecret(), "HMAC-SHA1");
        String query = "modified_after=2024-05-01T00%3A00%3A00&oauth_consumer_key=" + shop.consumerKey()
                + "&oauth_nonce=n2&oauth_signature_method=HMAC-SHA1&oauth_timestamp=" + now + "&oauth_signature="
                + WooOAuthSignature.rawUrlEncode(signature);

        assertError(client.anonymous(PRODUCTS + "?" + query), 401, "woocommerce_rest_authentication_error",
                "Invalid signature - provided signature does not match.");
    }

    @Test
    void oauthNonceCannotBeReused() {
        long now = System.currentTimeMillis() / 1000;
        HttpResponse<String> first = client.oauth(PRODUCTS, Map.of(), shop.consumerKey(), shop.consumerSecret(), now, "same");
        HttpResponse<String> replay = client.oauth(PRODUCTS, Map.of(), shop.consumerKey(), shop.consumerSecret(), now + 1,
                "same");

        assertThat(first.statusCode()).isEqualTo(200);
        assertError(replay, 401, "woocommerce_rest_authentication_error", "Invalid nonce - nonce has already been used.");
    }

    @Test
    void oauthTimestampMustBeWithin15Minutes() {
        long now = System.currentTimeMillis() / 1000;
        assertError(client.oauth(PRODUCTS, Map.of(), shop.consumerKey(), shop.consumerSecret(), now - 16 * 60, "old"),
                401, "woocommerce_rest_authentication_error", "Invalid timestamp.");
        assertError(client.oauth(PRODUCTS, Map.of(), shop.consumerKey(), shop.consumerSecret(), now + 16 * 60, "future"),
                401, "woocommerce_rest_authentication_error", "Invalid timestamp.");
        assertThat(client.oauth(PRODUCTS, Map.of(), shop.consumerKey(), shop.consumerSecret(), now - 14 * 60, "recent")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void oauthWithAnUnknownKeyOrMissingParameters() {
        assertError(client.oauth(PRODUCTS, Map.of(), UNKNOWN_KEY, "cs_x"), 401, "woocommerce_rest_authentication_error",
                "Consumer key is invalid.");
        assertError(client.anonymous(PRODUCTS + "?oauth_consumer_key=" + shop.consumerKey() + "&oauth_timestamp=1"
                + "&oauth_signature_method=HMAC-SHA1"), 401, "woocommerce_rest_authentication_missing_parameter",
                "Missing OAuth parameters oauth_nonce, oauth_signature");
    }

    @Test
    void oauthFailsWhenTheHomeUrlDiffersFromTheAddressUsed() {
        try (FakeWooCommerce moved = FakeWooCommerce.builder().products(5).orders(0)
                .homeUrl(URI.create("http://www.shop.example/")).start()) {
            WooTestClient other = new WooTestClient(moved);
            String query = WooOAuthSignature.signedQuery("GET", moved.siteUrl() + PRODUCTS, Map.of(), moved.consumerKey(),
                    moved.consumerSecret(), "HMAC-SHA1", System.currentTimeMillis() / 1000, "n3");
            assertError(other.anonymous(PRODUCTS + "?" + query), 401, "woocommerce_rest_authentication_error",
                    "Invalid signature - provided signature does not match.");
            assertThat(other.oauth(PRODUCTS, Map.of(), moved.consumerKey(), moved.consumerSecret()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void writeOnlyKeyCannotRead() {
        shop.ssl(true).addKey("ck_write", "cs_write", KeyPermission.WRITE, true);
        assertError(client.basic(PRODUCTS, "ck_write", "cs_write"), 401, "woocommerce_rest_authentication_error",
                "The API key provided does not have read permissions.");
    }

    @Test
    void keyOfANonManagerReadsProductsAndOrdersButNotTheSystemStatus() {
        shop.ssl(true).addKey("ck_reader", "cs_reader", KeyPermission.READ, false);

        assertThat(client.basic(PRODUCTS, "ck_reader", "cs_reader").statusCode()).isEqualTo(200);
        assertThat(client.basic("wp-json/wc/v3/orders", "ck_reader", "cs_reader").statusCode()).isEqualTo(200);
        assertError(client.basic("wp-json/wc/v3/system_status", "ck_reader", "cs_reader"), 403,
                "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
    }

    @Test
    void managerReadsSystemStatusAndCurrency() {
        shop.ssl(true);
        JsonNode status = json(client.get("wp-json/wc/v3/system_status"));
        JsonNode currency = json(client.get("wp-json/wc/v3/data/currencies/current"));

        assertThat(status.path("environment").path("version").asText()).isEqualTo("9.4.2");
        assertThat(status.path("settings").path("currency").asText()).isEqualTo("EUR");
        assertThat(currency.path("code").asText()).isEqualTo("EUR");
        assertThat(currency.path("name").asText()).isEqualTo("Euro");
        assertThat(currency.path("symbol").asText()).isEqualTo("&euro;");
        assertError(client.anonymous("wp-json/wc/v3/system_status"), 401, "woocommerce_rest_cannot_view",
                "Sorry, you cannot list resources.");
    }

    @Test
    void userWithoutReadCapabilityGets403() {
        shop.ssl(true).addKey("ck_customer", "cs_customer", KeyPermission.READ_WRITE, false);
        shop.userRole("ck_customer", WooUserRole.CUSTOMER);

        assertError(client.basic(PRODUCTS, "ck_customer", "cs_customer"), 403, "woocommerce_rest_cannot_view",
                "Sorry, you cannot list resources.");
    }

    @Test
    void argumentsAreValidatedBeforePermissions() {
        assertError(client.anonymous(PRODUCTS + "?per_page=500"), 400, "rest_invalid_param", "Invalid parameter(s): per_page");
    }

    @Test
    void theNamespaceIndexNeedsNoAuthentication() {
        HttpResponse<String> response = client.anonymous("wp-json/wc/v3");
        JsonNode index = json(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(index.path("namespace").asText()).isEqualTo("wc/v3");
        JsonNode args = index.path("routes").path("/wc/v3/products").path("endpoints").get(0).path("args");
        assertThat(args.path("modified_after").path("format").asText()).isEqualTo("date-time");
        assertThat(args.path("per_page").path("maximum").asInt()).isEqualTo(100);
        assertThat(index.path("routes").path("/wc/v3/orders").path("endpoints").get(0).path("methods").get(0).asText())
                .isEqualTo("GET");
        assertThat(json(client.anonymous("wp-json/")).path("namespaces")).extracting(JsonNode::asText).contains("wc/v3");
    }

    @Test
    void unknownRoutesAndIds() {
        shop.ssl(true);
        assertError(client.get("wp-json/wc/v3/nothing"), 404, "rest_no_route",
                "No route was found matching the URL and request method.");
        assertError(client.get(PRODUCTS + "/999999"), 404, "woocommerce_rest_product_invalid_id", "Invalid ID.");
        int product = shop.productIds().get(0);
        assertThat(client.get(PRODUCTS + "/" + product + "/").statusCode()).isEqualTo(200);
    }

    @Test
    void htmlLoginPageEverywhere() {
        shop.htmlLoginPage(true);
        HttpResponse<String> response = client.anonymous(PRODUCTS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("wp-login.php").contains("loginform");
    }

    @Test
    void wooCommerceInactive() {
        shop.wooCommerceInactive(true).ssl(true);

        HttpResponse<String> root = client.anonymous("wp-json/");
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(json(root).path("namespaces")).extracting(JsonNode::asText).contains("wp/v2").doesNotContain("wc/v3");
        assertError(client.get(PRODUCTS), 404, "rest_no_route", "No route was found matching the URL and request method.");
        assertError(client.anonymous("wp-json/wc/v3"), 404, "rest_no_route",
                "No route was found matching the URL and request method.");
    }

    static void assertError(HttpResponse<String> response, int status, String code, String message) {
        String body = response.body();
        assertThat(response.statusCode()).as(body.length() > 300 ? body.substring(0, 300) + "..." : body).isEqualTo(status);
        JsonNode error = json(response);
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isEqualTo(message);
        assertThat(error.path("data").path("status").asInt()).isEqualTo(status);
    }
}
