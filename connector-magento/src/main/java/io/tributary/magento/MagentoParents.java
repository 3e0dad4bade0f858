package io.tributary.magento;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.spi.StoredProducts;
import io.tributary.spi.SyncCursor;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which configurable each product of one read belongs to ({@link MagentoConfigurableLinks} says why Magento makes
 * this costly). A read from the start, or one without what earlier syncs stored, lists every configurable's links
 * first. An incremental read with {@link StoredProducts} does not: Magento saves a configurable that gains or loses
 * a child, so such a configurable is in the read. A product's parent is then the lowest of the configurables read so
 * far that list it and of its stored parent — unless that stored parent was read and no longer lists it: then
 * another configurable may still hold it, and the read lists every configurable's links once after all. So an
 * incremental read costs requests in proportion to what changed, not to the catalogue.
 */
final class MagentoParents {
    private final MagentoClient client;
    private final StoredProducts stored; // null: every link is listed
    private MagentoConfigurableLinks all; // every link of the catalogue, once listed
    private final MagentoConfigurableLinks learned = new MagentoConfigurableLinks();
    private final Map<Long, Set<Long>> read = new HashMap<>(); // configurables read so far → their children as read

    private MagentoParents(MagentoClient client, StoredProducts stored) {
        this.client = requireNonNull(client, "client is null");
        this.stored = stored;
    }

    /** The parents of a read from {@code from}; {@code stored} null when the host gives none. */
    static MagentoParents forRead(MagentoClient client, SyncCursor from, StoredProducts stored) {
        MagentoParents parents = new MagentoParents(client, from.isStart() ? null : stored);
        if (parents.stored == null) {
            parents.all = MagentoConfigurableLinks.load(client);
        }
        return parents;
    }

    /** Learns the links of the configurables among {@code products}, as read now. */
    void learn(List<JsonNode> products) {
        for (JsonNode product : products) {
            if (MagentoProductMapper.CONFIGURABLE.equals(product.path("type_id").asText())) {
                learned.learn(product);
                read.put(product.path("id").asLong(), new LinkedHashSet<>(MagentoConfigurableLinks.childrenOf(product)));
                if (all != null) {
                    all.learn(product);
                }
            }
        }
    }

    /**
     * The children to read along with the configurables among {@code products} (an incremental read): those each
     * lists now, and those stored as its children, which it may have let go.
     */
    Set<Long> childrenOf(List<JsonNode> products) {
        Set<Long> children = new LinkedHashSet<>();
        Set<String> configurables = new LinkedHashSet<>();
        for (JsonNode product : products) {
            List<Long> own = MagentoConfigurableLinks.childrenOf(product);
            children.addAll(own);
            if (MagentoProductMapper.CONFIGURABLE.equals(product.path("type_id").asText())) {
                configurables.add(product.path("id").asText());
            }
        }
        if (stored != null) {
            for (Set<String> ids : stored.childrenOf(configurables).values()) {
                ids.forEach(id -> children.add(Long.parseLong(id)));
            }
        }
        return children;
    }

    /** The parent of each of {@code productIds} that has one: product id → parent id. */
    Map<String, String> parentsOf(Collection<String> productIds) {
        Map<String, String> parents = new HashMap<>();
        if (all == null) {
            Map<String, String> storedParents = stored.parentsOf(productIds);
            for (String id : productIds) {
                String storedParent = storedParents.get(id);
                Set<Long> asRead = storedParent == null ? null : read.get(Long.parseLong(storedParent));
                if (asRead != null && !asRead.contains(Long.parseLong(id))) {
                    all = MagentoConfigurableLinks.load(client); // a child let go: who else holds it?
                    return parentsOf(productIds);
                }
                String parent = lowest(learned.parentOf(id), storedParent);
                if (parent != null) {
                    parents.put(id, parent);
                }
            }
            return parents;
        }
        for (String id : productIds) {
            String parent = all.parentOf(id);
            if (parent != null) {
                parents.put(id, parent);
            }
        }
        return parents;
    }

    private static String lowest(String a, String b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Long.parseLong(a) <= Long.parseLong(b) ? a : b;
    }
}
