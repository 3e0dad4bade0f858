package io.tributary.record;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.StoredProducts;
import io.tributary.store.CentralStore;
import io.tributary.store.Sql;
import io.tributary.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The stored parent links of one connection's products, as {@link StoredProducts} hands them to a connector during
 * a sync: a few hundred ids per query, products marked deleted left out.
 */
public final class StoredProductLinks implements StoredProducts.Lookup {
    private static final int CHUNK = 500;
    private final DataSource dataSource;
    private final long connectionId;

    private StoredProductLinks(DataSource dataSource, long connectionId) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.connectionId = connectionId;
    }

    /** The stored products of connection {@code connectionId}, as a connector reading it sees them. */
    public static StoredProducts of(DataSource dataSource, long connectionId) {
        return new StoredProducts(new StoredProductLinks(dataSource, connectionId));
    }

    @Override
    public Map<String, String> parentsOf(Collection<String> productIds) {
        Map<String, String> parents = new HashMap<>();
        query("external_id", productIds, (child, parent) -> parents.put(child, parent));
        return parents;
    }

    @Override
    public Map<String, Set<String>> childrenOf(Collection<String> parentIds) {
        Map<String, Set<String>> children = new HashMap<>();
        query("parent_external_id", parentIds,
                (child, parent) -> children.computeIfAbsent(parent, p -> new LinkedHashSet<>()).add(child));
        return children;
    }

    private interface Link {
        void accept(String child, String parent);
    }

    private void query(String column, Collection<String> ids, Link each) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(ids));
        try (Connection connection = dataSource.getConnection()) {
            for (int start = 0; start < all.size(); start += CHUNK) {
                List<String> chunk = all.subList(start, Math.min(all.size(), start + CHUNK));
                try (PreparedStatement statement = connection.prepareStatement("SELECT external_id, "
                        + "parent_external_id FROM product WHERE connection_id = ? AND " + column + " IN ("
                        + Sql.placeholders(chunk.size()) + ") AND parent_external_id IS NOT NULL "
                        + "AND deleted_at IS NULL")) {
                    statement.setLong(1, connectionId);
                    for (int i = 0; i < chunk.size(); i++) {
                        statement.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            each.accept(rows.getString(1), rows.getString(2));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading the stored links of products of connection " + connectionId
                    + " failed: " + CentralStore.rootMessage(e) + ".", e);
        }
    }
}
