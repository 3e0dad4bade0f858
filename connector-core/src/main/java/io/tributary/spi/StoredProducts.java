package io.tributary.spi;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What the central database holds of the products of the connection being read, for a connector whose system
 * cannot say something about a record without reading much more than the record (Magento: a child product does
 * not name its configurable parent). The sync engine adds it to the {@link ConnectorContext} a connector opens
 * with, bound to that connection; a context without it (a verification, a test that opens a connector alone)
 * means the connector reads what it needs from the system.
 *
 * <p>It says what earlier syncs stored, never what the system holds now: a connector uses it where the system's
 * own changes would have shown in this read (a Magento configurable that gains or loses a child is saved, so it is
 * read again).
 */
public final class StoredProducts {
    /** The lookups, implemented by the host. */
    public interface Lookup {
        /** Of {@code productIds}, those stored (and not deleted) with a parent: id → the parent's id. */
        Map<String, String> parentsOf(Collection<String> productIds);

        /** Of {@code parentIds}, the stored (not deleted) products naming each as their parent: parent → children. */
        Map<String, Set<String>> childrenOf(Collection<String> parentIds);
    }

    private final Lookup lookup;

    public StoredProducts(Lookup lookup) {
        this.lookup = requireNonNull(lookup, "lookup is null");
    }

    /** Of {@code productIds}, those stored (and not deleted) with a parent: id → the parent's id. */
    public Map<String, String> parentsOf(Collection<String> productIds) {
        return productIds.isEmpty() ? Map.of() : lookup.parentsOf(productIds);
    }

    /** Of {@code parentIds}, the stored (not deleted) products naming each as their parent: parent → children. */
    public Map<String, Set<String>> childrenOf(Collection<String> parentIds) {
        return parentIds.isEmpty() ? Map.of() : lookup.childrenOf(parentIds);
    }
}
