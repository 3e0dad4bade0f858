package io.tributary.woocommerce;

import org.apache.commons.text.StringEscapeUtils;

/**
 * Text as WooCommerce serves it. WordPress keeps some texts HTML-escaped (an order line's name arrives as
 * {@code Ship Your Idea &ndash; Color: Black}, a title with {@code &amp;}) while others come plain; every text a
 * person reads is decoded here, once, so the central store holds {@code Ship Your Idea – Color: Black} whichever way
 * the shop sent it. Decoding plain text changes nothing.
 */
final class WooCommerceText {
    private WooCommerceText() {}

    static String decoded(String text) {
        return text == null || text.indexOf('&') < 0 ? text : StringEscapeUtils.unescapeHtml4(text);
    }
}
