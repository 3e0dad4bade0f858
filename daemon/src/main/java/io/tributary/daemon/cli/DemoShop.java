package io.tributary.daemon.cli;

import java.util.Locale;
import java.util.Map;

/** A sample shop the demo starts on this machine: one of the testkit's fakes, as the demo needs it. */
interface DemoShop extends AutoCloseable {
    /** The systems the demo can start a sample shop of. */
    String SYSTEMS = "woocommerce, shopify";

    /** Starts the sample shop of {@code system}; throws with a readable sentence for another system. */
    static DemoShop start(String system, int products, int orders) {
        return switch (system == null ? "" : system.trim().toLowerCase(Locale.ROOT)) {
            case "woocommerce" -> new WooCommerceDemoShop(products, orders);
            case "shopify" -> new ShopifyDemoShop(products, orders);
            default -> throw new IllegalArgumentException("The demo has sample shops for " + SYSTEMS + ", not '"
                    + system + "'.");
        };
    }

    String systemId();

    /** "a sample WooCommerce shop at URL (N products, M variations, K orders)". */
    String describe();

    /** The URL a connection to it takes. */
    String url();

    /** Its credentials, by field name. */
    Map<String, String> credentials();

    /** How the credentials are kept, for the demo's second line ("consumer key and secret stored encrypted"). */
    String credentialsNote();

    /** What products are called that the store keeps beside their parent ("variations", "variants"). */
    String children();

    /** An order status the sample shop has, for the demo's closing hint. */
    String sampleStatus();

    /** Changes a few records, later on the shop's clock; says what changed ("3 new prices, 5 order statuses"). */
    String change();

    @Override
    void close();
}
