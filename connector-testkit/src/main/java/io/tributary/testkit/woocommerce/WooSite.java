package io.tributary.testkit.woocommerce;

import static java.util.Objects.requireNonNull;

/** The site-wide knobs of a fake shop, read on every request and changeable while it runs. */
final class WooSite {

    private final String homeUrl;
    volatile boolean ssl;
    volatile boolean stripAuthorizationHeader;
    volatile boolean htmlLoginPage;
    volatile boolean indexHidesArguments;
    volatile boolean wooCommerceInactive;
    volatile boolean ignoresDatesAreGmt;
    volatile boolean restForLoggedInUsersOnly;
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicLong> listed =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile WooVersion version;

    WooSite(String homeUrl, WooVersion version) {
        this.homeUrl = requireNonNull(homeUrl, "homeUrl is null");
        this.version = requireNonNull(version, "version is null");
    }

    /** WordPress's home URL, ending in a slash. */
    String homeUrl() {
        return homeUrl;
    }

    long listed(String collection) {
        java.util.concurrent.atomic.AtomicLong count = listed.get(collection);
        return count == null ? 0 : count.get();
    }

    void list(String collection, int records) {
        listed.computeIfAbsent(collection, c -> new java.util.concurrent.atomic.AtomicLong()).addAndGet(records);
    }

    WooVersion version() {
        return version;
    }

    void version(WooVersion value) {
        this.version = requireNonNull(value, "version is null");
    }
}
