package io.tributary.woocommerce;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.EntityType;
import io.tributary.spi.FailureKind;
import io.tributary.spi.IdListing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ids of every product (with its variations) or order the shop lists, for the reconciliation pass: the
 * default listing ({@code status=any}, which leaves out the trash, so a trashed record counts as deleted) in id
 * order with only the ids asked for ({@code _fields=id,variations} for products: a variable product names its
 * variations' ids, which are the ids the sync stores them under; {@code _fields=id} for orders), 100 per request.
 *
 * <p>WooCommerce pages by offset only, and a record deleted behind the listing shifts the rest left, which would
 * skip one and make it look deleted. So every deeper request overlaps the last id seen by one: when that id is not
 * where it was, the listing starts over (ids already listed are listed again, which is harmless). New records
 * take higher ids and land at the end, shifting nothing.
 */
final class WooCommerceIdListing implements IdListing {
    /** Starting over more often than this means the shop changes faster than it can be listed. */
    private static final int MAX_RESTARTS = 5;

    private final WooCommerceClient client;
    private final EntityType entity;
    private final String path;
    private int known; // records of the listing seen so far, from its start
    private String lastId;
    private int restarts;
    private boolean done;

    WooCommerceIdListing(WooCommerceClient client, EntityType entity) {
        this.client = requireNonNull(client, "client is null");
        this.entity = requireNonNull(entity, "entity is null");
        this.path = entity == EntityType.PRODUCTS ? "products" : "orders";
    }

    @Override
    public Optional<List<String>> nextPage() {
        while (!done) {
            int offset = Math.max(0, known - 1);
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("per_page", Integer.toString(WooCommerceRecordStream.PER_PAGE));
            parameters.put("offset", Integer.toString(offset));
            parameters.put("orderby", "id");
            parameters.put("order", "asc");
            parameters.put("_fields", entity == EntityType.PRODUCTS ? "id,variations" : "id");
            List<JsonNode> items = new ArrayList<>();
            client.list(path, parameters, "listing the ids of " + path).items().forEach(items::add);
            if (offset > 0 && (items.isEmpty() || !WooCommerceProductMapper.id(items.get(0)).equals(lastId))) {
                restart();
                continue;
            }
            List<String> ids = new ArrayList<>(items.size() * 2);
            // the first item of a deeper answer is the overlap, listed already
            for (JsonNode item : offset > 0 ? items.subList(1, items.size()) : items) {
                lastId = WooCommerceProductMapper.id(item);
                ids.add(lastId);
                for (JsonNode variation : item.path("variations")) {
                    ids.add(variation.asText());
                }
            }
            known = offset + items.size();
            done = items.size() < WooCommerceRecordStream.PER_PAGE;
            if (!ids.isEmpty()) {
                return Optional.of(ids);
            }
        }
        return Optional.empty();
    }

    private void restart() {
        if (++restarts > MAX_RESTARTS) {
            throw new ConnectorException(FailureKind.SERVER_ERROR, "WooCommerce's " + path + " kept shifting while "
                    + "their ids were listed (records deleted during the listing, " + MAX_RESTARTS + " times over); "
                    + "nothing was marked deleted, try again when the shop is quieter.", null, null);
        }
        known = 0;
        lastId = null;
    }
}
