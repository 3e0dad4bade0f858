package io.tributary.testkit.magento;

import io.tributary.testkit.TestHttpClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A plain java.net.http client for tests against a {@link FakeMagento}. */
final class MagentoTestClient extends TestHttpClient {
    private final FakeMagento shop;

    MagentoTestClient(FakeMagento shop) {
        this.shop = shop;
    }

    /** A strictly encoded query string from name/value pairs. */
    static String query(String... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parts.add(MagentoOAuthSignature.encode(pairs[i]) + "=" + MagentoOAuthSignature.encode(pairs[i + 1]));
        }
        return String.join("&", parts);
    }

    /** The keyset query the connector sends: records after (updated, id), oldest first. */
    static String after(String updated, int id, int pageSize) {
        return query("searchCriteria[filter_groups][0][filters][0][field]", "updated_at",
                "searchCriteria[filter_groups][0][filters][0][value]", updated,
                "searchCriteria[filter_groups][0][filters][0][condition_type]", "gteq",
                "searchCriteria[filter_groups][1][filters][0][field]", "updated_at",
                "searchCriteria[filter_groups][1][filters][0][value]", updated,
                "searchCriteria[filter_groups][1][filters][0][condition_type]", "gt",
                "searchCriteria[filter_groups][1][filters][1][field]", "entity_id",
                "searchCriteria[filter_groups][1][filters][1][value]", Integer.toString(id),
                "searchCriteria[filter_groups][1][filters][1][condition_type]", "gt",
                "searchCriteria[sortOrders][0][field]", "updated_at",
                "searchCriteria[sortOrders][0][direction]", "ASC",
                "searchCriteria[sortOrders][1][field]", "entity_id",
                "searchCriteria[sortOrders][1][direction]", "ASC",
                "searchCriteria[pageSize]", Integer.toString(pageSize));
    }

    HttpResponse<String> anonymous(String pathAndQuery) {
        return send(HttpRequest.newBuilder(shop.baseUrl().resolve(pathAndQuery)).GET().build());
    }

    HttpResponse<String> bearer(String pathAndQuery, String token) {
        return send(HttpRequest.newBuilder(shop.baseUrl().resolve(pathAndQuery)).header("Authorization",
                "Bearer " + token).GET().build());
    }

    /** A GET signed with the shop's default integration, HMAC-SHA256. */
    HttpResponse<String> get(String pathAndQuery) {
        return oauth(pathAndQuery, shop.integration(), MagentoOAuthSignature.HMAC_SHA256, nonce());
    }

    HttpResponse<String> oauth(String pathAndQuery, MagentoIntegration keys, String method, String nonce) {
        URI uri = shop.baseUrl().resolve(pathAndQuery);
        Map<String, String> oauth = new LinkedHashMap<>();
        oauth.put("oauth_consumer_key", keys.consumerKey());
        oauth.put("oauth_nonce", nonce);
        oauth.put("oauth_signature_method", method);
        oauth.put("oauth_timestamp", Long.toString(System.currentTimeMillis() / 1000));
        oauth.put("oauth_token", keys.accessToken());
        oauth.put("oauth_version", "1.0");
        Map<String, String> all = new LinkedHashMap<>(oauth);
        all.putAll(MagentoOAuthSignature.queryParameters(uri.getRawQuery()));
        String base = MagentoOAuthSignature.baseString("GET", uri.toString(), all);
        oauth.put("oauth_signature", MagentoOAuthSignature.sign(method, base, keys.consumerSecret(),
                keys.accessTokenSecret()));
        List<String> header = new ArrayList<>();
        oauth.forEach((k, v) -> header.add(k + "=\"" + MagentoOAuthSignature.encode(v) + "\""));
        return send(HttpRequest.newBuilder(uri).header("Authorization", "OAuth " + String.join(", ", header)).GET()
                .build());
    }

    static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    HttpResponse<String> token(String username, String password) {
        String body = MAPPER.createObjectNode().put("username", username).put("password", password).toString();
        return send(HttpRequest.newBuilder(shop.apiUrl().resolve("V1/integration/admin/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
