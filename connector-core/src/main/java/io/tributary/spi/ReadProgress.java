package io.tributary.spi;

/**
 * How far one read has come, in the system's own units: what its list answers count (WooCommerce's
 * {@code X-WP-Total}, Magento's {@code total_count}, Hydra's {@code totalItems}), so a WooCommerce product read
 * with its variations counts once. An estimate for showing progress, never used to decide what to store: a
 * record edited during the read can be counted twice, and the total can grow while the read runs.
 *
 * @param done  items of this read delivered so far, this page included
 * @param total items this read is expected to deliver in all; at least {@code done}
 */
public record ReadProgress(long done, long total) {
    public ReadProgress {
        if (done < 0) {
            throw new IllegalArgumentException("done cannot be negative, got " + done);
        }
        if (total < done) {
            throw new IllegalArgumentException("total (" + total + ") cannot be less than done (" + done + ")");
        }
    }

    /** {@code done} of at least {@code done + remaining}: for systems that say how many items are left. */
    public static ReadProgress remaining(long done, long remaining) {
        return new ReadProgress(done, done + Math.max(0, remaining));
    }

    /** The share done, from 0 to 1 (1 for an empty read). */
    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }
}
