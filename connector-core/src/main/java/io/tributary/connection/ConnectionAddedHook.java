package io.tributary.connection;

import io.tributary.spi.ConnectorProvider;
import org.hibernate.Session;

/**
 * Work that belongs in the same transaction as adding a connection, done by a domain that builds on connections
 * (the schedule domain gives every new connection its default schedules). It keeps the dependency one-way:
 * connections know nothing of what follows from them.
 */
@FunctionalInterface
public interface ConnectionAddedHook {
    ConnectionAddedHook NONE = (session, connection, provider) -> {};

    /** Called once the connection's row exists, inside the transaction that adds it. */
    void added(Session session, StoredConnection connection, ConnectorProvider provider);
}
