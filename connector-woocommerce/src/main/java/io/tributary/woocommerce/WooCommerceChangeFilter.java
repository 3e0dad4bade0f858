package io.tributary.woocommerce;

import java.util.Map;

/**
 * Whether a shop's lists take {@code modified_after}, so that a sync reads only what changed (WooCommerce 5.8 and
 * later), and how that was learned. The {@code wc/v3} index declares it — unless a security plugin hides the
 * index or its routes' arguments: then one probe asks for the products changed after a date no shop has reached,
 * and a shop that honours the filter answers none. Without this probe such a shop would be read in full at every
 * sync, silently, or read by a filter it ignores.
 *
 * @param works whether {@code modified_after} filters the lists
 * @param how   one sentence for verify: declared, or probed, and what it costs when it does not work
 */
record WooCommerceChangeFilter(boolean works, String how) {
    /** Beyond any real modification time: a shop that honours the filter lists nothing after it. */
    static final String NO_SHOP_HAS_REACHED = "2999-01-01T00:00:00";

    static WooCommerceChangeFilter of(WooCommerceIndex index, WooCommerceClient client) {
        if (index.declaresArguments()) {
            return index.modifiedFilters()
                    ? new WooCommerceChangeFilter(true, "declared by the shop's API index")
                    : new WooCommerceChangeFilter(false, "not declared by the shop's API index (WooCommerce before "
                            + "5.8): every sync reads the whole shop and keeps what changed");
        }
        // without dates_are_gmt, as the reads themselves (WooCommerceModifiedAfter): a date beyond any in either basis
        WooCommerceClient.Listing probe = client.list("products", Map.of("per_page", "1", "_fields", "id",
                "modified_after", NO_SHOP_HAS_REACHED), "probing modified_after");
        String hidden = index.hidden() ? "the API index is refused" : "the API index hides its arguments";
        return probe.items().isEmpty()
                ? new WooCommerceChangeFilter(true, "honoured (probed, as " + hidden + ")")
                : new WooCommerceChangeFilter(false, "ignored (probed, as " + hidden + "): every sync reads the "
                        + "whole shop and keeps what changed");
    }
}
