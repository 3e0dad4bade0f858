package io.tributary.magento;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which configurable product each child belongs to. Magento's product list names a configurable's children
 * ({@code extension_attributes.configurable_product_links}) but a child does not name its parent, and a child is
 * read on its own whenever it changes; so a read from the start begins by listing the configurable products' links
 * (ids only, 300 per request: {@link #load}), and keeps them up to date from the configurables it reads; an
 * incremental read does so only when what was stored cannot tell ({@link MagentoParents}). A child of several
 * configurables is linked to the one with the lowest id.
 */
final class MagentoConfigurableLinks {
    static final int PAGE_SIZE = 300;
    private final Map<Long, Long> parentOf = new HashMap<>();

    static MagentoConfigurableLinks load(MagentoClient client) {
        MagentoConfigurableLinks links = new MagentoConfigurableLinks();
        long lastId = 0;
        while (true) {
            MagentoQuery query = MagentoQuery.searchCriteria()
                    .filter(0, 0, "type_id", "eq", "configurable")
                    .filter(1, 0, "entity_id", "gt", Long.toString(lastId))
                    .sort(0, "entity_id", "ASC")
                    .pageSize(PAGE_SIZE)
                    .fields("items[id,type_id,extension_attributes[configurable_product_links]],total_count");
            MagentoClient.Listing listing = client.list("products", query, "listing configurable products");
            for (JsonNode product : listing.items()) {
                links.learn(product);
                lastId = Math.max(lastId, product.path("id").asLong());
            }
            if (listing.items().isEmpty() || listing.items().size() >= listing.totalCount()) {
                return links;
            }
        }
    }

    /** Records the links of a configurable product; other products are ignored. */
    void learn(JsonNode product) {
        long parent = product.path("id").asLong();
        for (long child : childrenOf(product)) {
            parentOf.merge(child, parent, Math::min);
        }
    }

    /** The children a configurable product names; empty for other products. */
    static List<Long> childrenOf(JsonNode product) {
        List<Long> children = new ArrayList<>();
        if ("configurable".equals(product.path("type_id").asText())) {
            for (JsonNode child : product.path("extension_attributes").path("configurable_product_links")) {
                if (child.canConvertToLong()) {
                    children.add(child.asLong());
                }
            }
        }
        return children;
    }

    /** The parent's id as text, or null for a product that is nobody's child. */
    String parentOf(String productId) {
        Long parent = parentOf.get(Long.parseLong(productId));
        return parent == null ? null : Long.toString(parent);
    }

    int size() {
        return parentOf.size();
    }
}
