package io.tributary.testkit.woocommerce;

import io.tributary.testkit.http.QueryString;
import io.tributary.testkit.http.RecordedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code WC_REST_Authentication} for one request to a {@code wc/} route, step by step as in
 * WooCommerce trunk:
 * <ol>
 *   <li>only when the site believes the request is HTTPS: {@code consumer_key} and
 *       {@code consumer_secret} from the query, else HTTP Basic. A known key with a wrong secret
 *       is an error; an unknown key is not (the request goes on anonymously);</li>
 *   <li>whenever step 1 did not authenticate (so also over HTTPS): OAuth 1.0a from the query and
 *       an {@code Authorization: OAuth} header. No OAuth parameter at all means anonymous.</li>
 * </ol>
 * The realm header {@code send_unauthorized_headers()} would add is never sent: step 2 always
 * runs after a failed step 1 and sets the auth method to {@code oauth1}, so its condition
 * ({@code basic_auth}) cannot hold.
 */
final class WooAuthenticator {

    private static final Pattern OAUTH_HEADER_PARAM = Pattern.compile("(oauth_[a-z_-]*)=(:?\"([^\"]*)\"|([^,]*))");
    private static final List<String> REQUIRED = List.of("oauth_consumer_key", "oauth_timestamp", "oauth_nonce",
            "oauth_signature", "oauth_signature_method");

    private final WooKeyring keyring;
    private final Clock wallClock;

    /** The outcome: a key (or none for anonymous), or an error that answers the request. */
    record Result(ApiKey key, WooError error) {

        static Result anonymous() {
            return new Result(null, null);
        }
    }

    WooAuthenticator(WooKeyring keyring, Clock wallClock) {
        this.keyring = keyring;
        this.wallClock = wallClock;
    }

    Result authenticate(RecordedRequest request, WooSite site) {
        Map<String, Object> query = PhpParameters.parse(request.rawQuery());
        String authorization = site.stripAuthorizationHeader ? "" : request.header("Authorization").orElse("");
        WooError error = null;
        if (site.ssl) {
            Basic basic = basic(query, authorization);
            if (basic != null) {
                Optional<ApiKey> key = keyring.find(basic.key());
                if (key.isPresent() && constantTimeEquals(key.get().consumerSecret(), basic.secret())) {
                    return new Result(key.get(), null);
                }
                if (key.isPresent()) {
                    error = WooError.authentication("Consumer secret is invalid.");
                }
            }
        }
        return oauth(request, site, query, authorization, error);
    }

    private record Basic(String key, String secret) {
    }

    private static Basic basic(Map<String, Object> query, String authorization) {
        if (!PhpParameters.isEmpty(query.get("consumer_key")) && !PhpParameters.isEmpty(query.get("consumer_secret"))) {
            return new Basic(PhpParameters.scalar(query.get("consumer_key")),
                    PhpParameters.scalar(query.get("consumer_secret")));
        }
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || PhpParameters.isEmpty(decoded.substring(0, colon))
                || PhpParameters.isEmpty(decoded.substring(colon + 1))) {
            return null;
        }
        return new Basic(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private Result oauth(RecordedRequest request, WooSite site, Map<String, Object> query, String authorization,
            WooError earlier) {
        Map<String, Object> params = new LinkedHashMap<>(query);
        params.putAll(headerParameters(authorization.trim()));
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            if (PhpParameters.isEmpty(params.get(name))) {
                missing.add(name);
            }
        }
        if (missing.size() == REQUIRED.size()) {
            return new Result(null, earlier);
        }
        if (!missing.isEmpty()) {
            String message = (missing.size() == 1 ? "Missing OAuth parameter " : "Missing OAuth parameters ")
                    + String.join(", ", missing);
            return new Result(null, new WooError(401, "woocommerce_rest_authentication_missing_parameter", message));
        }
        Optional<ApiKey> key = keyring.find(PhpParameters.scalar(params.get("oauth_consumer_key")));
        if (key.isEmpty()) {
            return new Result(null, WooError.authentication("Consumer key is invalid."));
        }
        WooError signature = checkSignature(request, site, params, key.get());
        if (signature != null) {
            return new Result(null, signature);
        }
        WooError replay = checkTimestampAndNonce(key.get(), PhpParameters.scalar(params.get("oauth_timestamp")),
                PhpParameters.scalar(params.get("oauth_nonce")));
        return replay != null ? new Result(null, replay) : new Result(key.get(), null);
    }

    /** parse_header(): only a value starting with "OAuth " counts; values are urldecode()d. */
    private static Map<String, Object> headerParameters(String authorization) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (!authorization.startsWith("OAuth ")) {
            return params;
        }
        Matcher matcher = OAUTH_HEADER_PARAM.matcher(authorization);
        while (matcher.find()) {
            String value = matcher.group(3) == null || matcher.group(3).isEmpty() ? matcher.group(4) : matcher.group(3);
            params.put(matcher.group(1), QueryString.decode(value == null ? "" : value));
        }
        return params;
    }

    private static WooError checkSignature(RecordedRequest request, WooSite site, Map<String, Object> params, ApiKey key) {
        URI home = URI.create(site.homeUrl());
        String homePath = home.getRawPath() == null || home.getRawPath().isEmpty() ? "/" : home.getRawPath();
        String path = request.rawPath();
        if (path.startsWith(homePath)) {
            path = path.substring(homePath.length());
        }
        String scheme = site.ssl ? "https" : "http";
        String base = scheme + "://" + home.getRawAuthority() + homePath + path;
        Map<String, Object> signed = new LinkedHashMap<>(params);
        String provided = QueryString.rawDecode(PhpParameters.scalar(signed.remove("oauth_signature")).replace(' ', '+'));
        String method = PhpParameters.scalar(signed.get("oauth_signature_method"));
        if (!method.equals(WooOAuthSignature.HMAC_SHA1) && !method.equals(WooOAuthSignature.HMAC_SHA256)) {
            return WooError.authentication("Invalid signature - signature method is invalid.");
        }
        String expected = WooOAuthSignature.sign(
                WooOAuthSignature.baseString(request.method().toUpperCase(Locale.ROOT), base, signed),
                key.consumerSecret(), method);
        if (!constantTimeEquals(expected, provided)) {
            return WooError.authentication("Invalid signature - provided signature does not match.");
        }
        return null;
    }

    private WooError checkTimestampAndNonce(ApiKey key, String timestampText, String nonce) {
        long now = wallClock.instant().getEpochSecond();
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampText.trim());
        } catch (NumberFormatException e) {
            return WooError.authentication("Invalid timestamp.");
        }
        if (timestamp < now - WooKeyring.NONCE_WINDOW_SECONDS || timestamp > now + WooKeyring.NONCE_WINDOW_SECONDS) {
            return WooError.authentication("Invalid timestamp.");
        }
        if (!keyring.useNonce(key, timestamp, nonce, now)) {
            return WooError.authentication("Invalid nonce - nonce has already been used.");
        }
        return null;
    }

    /** check_permissions(): what the key's read/write permission allows for this method. */
    static WooError checkKeyPermission(ApiKey key, String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD" -> key.permission().canRead() ? null
                    : WooError.authentication("The API key provided does not have read permissions.");
            case "POST", "PUT", "PATCH", "DELETE" -> key.permission().canWrite() ? null
                    : WooError.authentication("The API key provided does not have write permissions.");
            case "OPTIONS" -> null;
            default -> WooError.authentication("Unknown request method.");
        };
    }

    private static boolean constantTimeEquals(String expected, String provided) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), provided.getBytes(StandardCharsets.UTF_8));
    }
}
