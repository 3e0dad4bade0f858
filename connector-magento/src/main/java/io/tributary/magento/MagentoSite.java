package io.tributary.magento;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * A Magento shop's REST base, from the URL an admin pastes: {@code https://shop.example/rest/V1},
 * {@code .../rest/default/V1}, {@code .../rest/<store code>/V1}, with or without {@code index.php} (kept as
 * given: it means the server has no URL rewrites) and with or without {@code V1} or a trailing slash. The store
 * code, when there is one, selects the store view every call runs in.
 *
 * @param apiBase   {@code <shop>/[index.php/]rest/[<store code>/]V1/}
 * @param storeCode the store code from the URL, or null when the URL has none (Magento's default store view)
 */
record MagentoSite(HttpUrl apiBase, String storeCode) {
    MagentoSite {
        requireNonNull(apiBase, "apiBase is null");
    }

    /**
     * Reads a pasted URL.
     *
     * @throws IllegalArgumentException with a sentence saying what a Magento REST URL looks like
     */
    static MagentoSite of(URI given) {
        HttpUrl url = HttpUrl.parse(given.toString());
        if (url == null) {
            throw new IllegalArgumentException("The API URL '" + given + "' is not an http(s) URL.");
        }
        List<String> segments = new ArrayList<>(url.pathSegments());
        while (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        int rest = segments.lastIndexOf("rest");
        if (rest < 0) {
            throw new IllegalArgumentException("A Magento REST API URL ends in /rest/V1 or /rest/<store code>/V1 (for "
                    + "example https://shop.example/rest/V1 or https://shop.example/index.php/rest/default/V1); '" + given
                    + "' has no /rest in its path: append /rest/V1 to the shop's address.");
        }
        List<String> after = segments.subList(rest + 1, segments.size());
        if (!after.isEmpty() && after.get(after.size() - 1).equalsIgnoreCase("V1")) {
            after = after.subList(0, after.size() - 1);
        }
        if (after.size() > 1) {
            throw new IllegalArgumentException("The API URL '" + given + "' goes past the REST base: it should end in "
                    + "/rest/V1 or /rest/<store code>/V1, without an endpoint such as /products.");
        }
        String storeCode = after.isEmpty() ? null : after.get(0);
        if (storeCode != null && !storeCode.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("'" + storeCode + "' in the API URL is not a Magento store code (letters, "
                    + "digits and underscores, starting with a letter): the URL should end in /rest/V1 or "
                    + "/rest/<store code>/V1.");
        }
        HttpUrl.Builder base = url.newBuilder().query(null).fragment(null).encodedPath("/");
        for (String segment : segments.subList(0, rest)) {
            base.addPathSegment(segment);
        }
        base.addPathSegment("rest");
        if (storeCode != null) {
            base.addPathSegment(storeCode);
        }
        base.addPathSegment("V1").addPathSegment("");
        return new MagentoSite(base.build(), storeCode);
    }

    /** {@code <api base>/<path>}, no query yet. */
    HttpUrl.Builder endpoint(String path) {
        return apiBase.newBuilder().addPathSegments(path);
    }

    /** The store code for messages: the one in the URL, or {@code default} (Magento's default store view). */
    String storeLabel() {
        return storeCode == null ? "default" : storeCode;
    }

    /** The REST base without the trailing slash, for messages and details. */
    String display() {
        String text = apiBase.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
