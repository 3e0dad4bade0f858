package io.tributary.testkit.contract;

import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.EntityType;
import io.tributary.spi.SyncCursor;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fake shop as the connector contract test sees it: settings that work, ways to break them, what the shop
 * holds, and edits at the source. Each connector module adapts its system's fake to this.
 */
public interface ContractShop extends AutoCloseable {
    /** The fault knobs of the fake behind it, which the contract turns. */
    ContractFaults faults();

    /** Settings with valid credentials for this shop. */
    ConnectionSettings settings();

    /** The same settings with a wrong secret (or token). */
    ConnectionSettings withBadCredentials();

    /** The same settings pointing at another URL. */
    ConnectionSettings atUrl(URI url);

    /** The external ids a full read of products must deliver (variations included), with their exact prices. */
    Map<String, String> productPrices();

    /** The external ids a full read of orders must deliver, with their exact totals. */
    Map<String, String> orderTotals();

    /** Edits {@code count} products at the source and returns their external ids and new prices. */
    Map<String, String> editProducts(int count);

    /** Edits {@code count} orders at the source and returns their external ids and new totals. */
    Map<String, String> editOrders(int count);

    /**
     * The external ids a read from {@code cursor} delivers again by design although they did not change. Systems
     * that filter by modification time re-read nothing (the default), and the contract then demands that a read
     * from the newest cursor delivers nothing. A system without such a filter declares what its strategy re-reads
     * (CoopCycle: every delivery created since the low-water mark, i.e. since the oldest one still under way).
     */
    default Set<String> rereadFrom(EntityType entity, SyncCursor cursor) {
        return Set.of();
    }

    /** External ids of products, for systems where products are read; empty otherwise. */
    default List<String> productIds() {
        return List.copyOf(productPrices().keySet());
    }

    @Override
    void close();
}
