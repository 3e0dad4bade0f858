package io.tributary.testkit.woocommerce;

/**
 * What products, variations and orders share in WordPress: an id from one sequence, a status and
 * creation and modification times, each kept in GMT and in site-local form (see {@link WooTime}).
 * Mutable; guarded by the catalogue's lock.
 */
abstract class WooPost {

    final int id;
    String status;
    long createdGmt;
    long createdLocal;
    long modifiedGmt;
    long modifiedLocal;

    WooPost(int id, String status) {
        this.id = id;
        this.status = status;
    }

    final void created(long gmtSeconds, WooTime time) {
        createdGmt = gmtSeconds;
        createdLocal = time.local(gmtSeconds);
    }

    final void modified(long gmtSeconds, WooTime time) {
        modifiedGmt = gmtSeconds;
        modifiedLocal = time.local(gmtSeconds);
    }

    /** post_title for {@code orderby=title}. */
    abstract String title();

    /** post_name for {@code orderby=slug}. */
    abstract String slug();
}
