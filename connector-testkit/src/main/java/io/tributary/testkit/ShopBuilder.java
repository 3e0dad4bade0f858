package io.tributary.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.tls.HeldCertificate;

/**
 * The settings every seeded fake shop takes (WooCommerce, Magento); everything has a default. Values are checked
 * when set.
 *
 * @param <B> the shop's own builder
 */
public abstract class ShopBuilder<B extends ShopBuilder<B>> {
    /** What a shop is built from. */
    /** @param tlsAuthority the authority that issues the shop's HTTPS certificate, or null for plain HTTP */
    public record Seeding(int products, int orders, long seed, Instant clockStart, Duration editTick,
            Clock authClock, HeldCertificate tlsAuthority) {}

    private int products = 200;
    private int orders = 300;
    private long seed = 42;
    private Instant clockStart = SeedWindow.CLOCK_START;
    private Duration editTick = Duration.ZERO;
    private Clock authClock = Clock.systemUTC();
    private HeldCertificate tlsAuthority;

    protected abstract B self();

    /**
     * Products seeded; default 200. Magento's configurable products bring 2–4 children on top, WooCommerce's
     * variable products their variations.
     */
    public B products(int count) {
        this.products = nonNegative(count, "products");
        return self();
    }

    /** Orders seeded; default 300. */
    public B orders(int count) {
        this.orders = nonNegative(count, "orders");
        return self();
    }

    /** The same seed gives the same shop; default 42. */
    public B seed(long value) {
        this.seed = value;
        return self();
    }

    /** Where the shop clock starts; default 2025-06-30T01:00:00Z, an hour after the newest seeded record. */
    public B clockStart(Instant start) {
        this.clockStart = requireNonNull(start, "start is null");
        return self();
    }

    /** How far the shop clock moves after each edit; default zero (edits share the second). */
    public B editTick(Duration tick) {
        if (requireNonNull(tick, "tick is null").isNegative()) {
            throw new IllegalArgumentException("editTick must not be negative: " + tick);
        }
        this.editTick = tick;
        return self();
    }

    /**
     * The wall clock for checks a real shop makes against real time (OAuth timestamps, token expiry, lockouts);
     * default the system clock.
     */
    public B authClock(Clock clock) {
        this.authClock = requireNonNull(clock, "clock is null");
        return self();
    }

    /**
     * Serves HTTPS with a certificate for 127.0.0.1 and localhost issued by {@code authority}, as a shop behind a
     * company's own certificate authority: trusted only by a client told to trust that authority.
     */
    public B tlsIssuedBy(HeldCertificate authority) {
        this.tlsAuthority = requireNonNull(authority, "authority is null");
        return self();
    }

    /** What was set so far. */
    public Seeding seeding() {
        return new Seeding(products, orders, seed, clockStart, editTick, authClock, tlsAuthority);
    }

    private static int nonNegative(int count, String what) {
        if (count < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + count);
        }
        return count;
    }
}
