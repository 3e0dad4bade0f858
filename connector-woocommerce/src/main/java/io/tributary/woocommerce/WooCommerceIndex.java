package io.tributary.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.HttpAnswer;
import io.tributary.http.HttpFailures;
import io.tributary.http.Json;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;

/**
 * What the unauthenticated {@code /wp-json/wc/v3} index tells: that WooCommerce's REST API answers here, whether
 * its list routes take {@code modified_after} (WooCommerce 5.8 and later), and whether it lists the variations of
 * any products in one route (WooCommerce 10.3 and later).
 *
 * @param hidden          the index was refused (a plugin restricting the REST API to logged-in users), so
 *                        nothing could be learned from it
 * @param modifiedFilters whether {@code modified_after}/{@code modified_before} are declared for products; only
 *                        meaningful when {@link #declaresArguments()}
 * @param declaresArguments whether the index lists its routes' arguments: a security plugin may hide them (and
 *                        a refused index tells nothing), and then only a probe tells whether {@code modified_after}
 *                        works ({@link WooCommerceChangeFilter})
 * @param allVariations   whether {@code GET /wc/v3/variations} is declared ({@code WC_REST_Variations_Controller}):
 *                        variations of any products, each with its {@code parent_id}, filtered by {@code include}
 */
record WooCommerceIndex(boolean hidden, boolean modifiedFilters, boolean allVariations, boolean declaresArguments) {

    /** Reads the index answer; throws a failure saying why this is not a WooCommerce site when it is not one. */
    static WooCommerceIndex of(HttpAnswer answer, WooCommerceSite site) {
        int status = answer.status();
        if (status == 401 || status == 403) {
            if (answer.looksLikeHtml()) {
                throw notWooCommerce(answer, site);
            }
            return new WooCommerceIndex(true, false, false, false);
        }
        if (status == 429 || status >= 500) {
            throw HttpFailures.forStatus(answer, "reading the WooCommerce API index");
        }
        if (status == 404) {
            boolean wordpress = WooCommerceError.of(answer).map(e -> e.is(WooCommerceError.NO_ROUTE)).orElse(false);
            if (wordpress) {
                throw new ConnectorException(FailureKind.NOT_THIS_SYSTEM, "WordPress answers at " + site.siteUrl()
                        + ", but WooCommerce's REST API (wc/v3) is not there: is WooCommerce active, and are "
                        + "permalinks set to anything but Plain?", status, null);
            }
            throw notWooCommerce(answer, site);
        }
        if (!answer.successful()) {
            throw notWooCommerce(answer, site);
        }
        JsonNode index;
        try {
            index = Json.parse(answer);
        } catch (ConnectorException e) {
            throw notWooCommerce(answer, site);
        }
        if (!"wc/v3".equals(index.path("namespace").asText())) {
            throw new ConnectorException(FailureKind.NOT_THIS_SYSTEM, answer.where() + " answered with JSON that is "
                    + "not WooCommerce's wc/v3 API index: the URL leads to another API.", status, null);
        }
        JsonNode endpoints = index.path("routes").path("/wc/v3/products").path("endpoints");
        boolean modifiedFilters = false;
        boolean declaresArguments = false;
        for (JsonNode endpoint : endpoints) {
            modifiedFilters |= endpoint.path("args").has("modified_after");
            declaresArguments |= endpoint.path("args").size() > 0;
        }
        boolean allVariations = index.path("routes").has("/wc/v3/variations");
        return new WooCommerceIndex(false, modifiedFilters, allVariations, declaresArguments);
    }

    private static ConnectorException notWooCommerce(HttpAnswer answer, WooCommerceSite site) {
        String what = answer.looksLikeHtml() ? "an HTML page" : "HTTP " + answer.status();
        return new ConnectorException(FailureKind.NOT_THIS_SYSTEM, answer.where() + " answered with " + what
                + ", not WooCommerce's REST API: check that " + site.siteUrl() + " is the shop's address (such as "
                + "https://shop.example).", answer.status(), null);
    }
}
