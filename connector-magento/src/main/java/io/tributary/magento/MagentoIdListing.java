package io.tributary.magento;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.EntityType;
import io.tributary.spi.FailureKind;
import io.tributary.spi.IdListing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ids of every product or order of the shop, for the reconciliation pass, by keyset: every request asks for
 * page 1 of the records whose {@code entity_id} is greater than the last one listed, sorted by {@code entity_id},
 * with only the id in the answer ({@code fields=items[id],total_count} for products, whose id field is {@code id};
 * {@code items[entity_id]} for orders) — the ids the sync stores. A record deleted during the listing shifts
 * nothing, and no request goes past page 1, where Magento would repeat the last page. An answer out of order
 * stops the listing rather than risk skipping an id.
 */
final class MagentoIdListing implements IdListing {
    static final int PAGE_SIZE = 500;

    private final MagentoClient client;
    private final String path;
    private final String idField;
    private String lastId;
    private boolean done;

    MagentoIdListing(MagentoClient client, EntityType entity) {
        this.client = requireNonNull(client, "client is null");
        this.path = entity == EntityType.PRODUCTS ? "products" : "orders";
        this.idField = entity == EntityType.PRODUCTS ? "id" : "entity_id";
    }

    @Override
    public Optional<List<String>> nextPage() {
        if (done) {
            return Optional.empty();
        }
        MagentoQuery query = MagentoQuery.searchCriteria();
        if (lastId != null) {
            query.filter(0, 0, "entity_id", "gt", lastId);
        }
        query.sort(0, "entity_id", "ASC").pageSize(PAGE_SIZE).fields("items[" + idField + "],total_count");
        MagentoClient.Listing listing = client.list(path, query, "listing the ids of " + path);
        List<String> ids = new ArrayList<>(listing.items().size());
        for (JsonNode item : listing.items()) {
            String id = MagentoProductMapper.id(item, idField);
            if (lastId != null && Long.parseLong(id) <= Long.parseLong(lastId)) {
                throw new ConnectorException(FailureKind.SERVER_ERROR, "Magento answered the ids of " + path
                        + " in another order than asked (entity_id ascending, after " + lastId + "); listing on could "
                        + "skip some, so nothing was marked deleted.", null, null);
            }
            lastId = id;
            ids.add(id);
        }
        done = listing.items().size() >= listing.totalCount() || listing.items().isEmpty();
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids);
    }
}
