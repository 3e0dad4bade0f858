package io.tributary.spi;


/**
 * One open connection to an external system. Made by {@link ConnectorProvider#open}; the caller closes it.
 * An instance is used by one thread at a time.
 */
public interface Connector extends AutoCloseable {
    /**
     * Checks online that the system at the URL is the system this connector speaks to, that the credentials
     * work and that they may read what the connector supports. Never throws for an expected failure: the
     * result carries the failure kind and one sentence saying what is wrong. Bounded in time (about 15 s in
     * total) and never retries a rejected credential. The message and details never contain a secret.
     */
    VerificationResult verify();

    /**
     * Streams the records of {@code entity} modified after {@code from}, one page at a time — oldest first where
     * the system can filter and sort by modification time; otherwise in whatever order its API allows, as long as
     * every page's cursor is safe. {@link SyncCursor#START} reads everything. Each page carries the cursor to
     * resume from once that page is stored. Re-reading records already stored is harmless (the store upserts), skipping one is not: a
     * record changed at the source during the read must appear in this read or the next one.
     *
     * @throws UnsupportedEntityException when the connector does not read {@code entity}
     */
    RecordStream read(EntityType entity, SyncCursor from);

    /**
     * Lists the ids of every record of {@code entity} that exists at the source now, for the reconciliation pass
     * that finds records deleted at the source. Only called for entities the provider names in
     * {@link ConnectorProvider#listableEntities()}; records the system keeps but hides from its default listing
     * (WooCommerce's trash) are not listed, so they count as deleted.
     *
     * @throws UnsupportedOperationException when the connector cannot list the ids of {@code entity}
     * @throws NotListableException          when this connection cannot list them all (a scope its credentials
     *                                       lack), saying why
     */
    default IdListing listIds(EntityType entity) {
        throw new UnsupportedOperationException("This connector cannot list the ids of " + entity.cliName() + ".");
    }

    /**
     * Reads everything, continuing a read from the start whose last run ended with {@link ReadNotReadyException}:
     * {@code resumeWith} is that exception's {@link ReadNotReadyException#resumeWith()}, so the connector takes up
     * what it started at the system (an export) rather than start it again — or starts anew when that is gone or
     * unusable. The host calls it only while such a read is pending; by default it reads anew, as
     * {@code read(entity, SyncCursor.START)}.
     *
     * @throws UnsupportedEntityException when the connector does not read {@code entity}
     */
    default RecordStream continueRead(EntityType entity, String resumeWith) {
        return read(entity, SyncCursor.START);
    }

    @Override
    default void close() {}
}
