package io.tributary.magento;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.EntityType;
import io.tributary.spi.FailureKind;
import io.tributary.spi.Quarantine;
import io.tributary.spi.ReadProgress;
import io.tributary.spi.RecordPage;
import io.tributary.spi.RecordStream;
import io.tributary.spi.SourceRecord;
import io.tributary.spi.StoredProducts;
import io.tributary.spi.SyncCursor;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads products, orders or customers changed after a cursor, oldest first, one page at a time, by keyset:
 * every request asks for page 1 of the records strictly after the cursor, sorted by {@code updated_at} then
 * {@code entity_id} (customers: {@code customers/search}, whose collection filters and sorts by the same names).
 * Magento's filter groups express that exactly — groups are ANDed, filters in a group ORed:
 * {@code updated_at gteq S} AND ({@code updated_at gt S} OR {@code entity_id gt ID}). So a group of records
 * sharing one second larger than a page is walked by id, a record edited during the read moves to the end and
 * is read again later, and no request ever goes past page 1 — where Magento would repeat the last page. The read
 * ends when a page holds all of {@code total_count}. Magento stores and compares {@code updated_at} in UTC, so
 * no daylight-saving hour can reorder it.
 *
 * <p>Defences: records at or before the cursor and ids repeated from the previous page are dropped; a page
 * that is not in the requested order, or that holds nothing after the cursor while {@code total_count} says
 * more follow (a shop that ignores the filters), stops the read with a failure instead of risking a gap.
 *
 * <p>Products: a child is linked to its configurable parent ({@link MagentoParents}); on an incremental read, a
 * configurable that changed brings its children along — those it lists and those stored as its own — so a child
 * newly linked to it, or let go by it, is stored with its parent as it is now even when the child itself did not
 * change.
 */
final class MagentoRecordStream implements RecordStream {
    static final int PAGE_SIZE = 100;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final MagentoClient client;
    private final EntityType entity;
    private final SyncCursor from;
    private final String currency;
    private final String path;
    private final String what;
    /** Records of the page being built that could not be read: kept aside, the rest of the page stored. */
    private final Quarantine quarantine = new Quarantine();
    private final StoredProducts stored; // what earlier syncs stored, when the host says (products only)
    private MagentoParents parents;
    private SyncCursor cursor;
    private Set<String> previousPage = Set.of();
    private boolean done;
    private long delivered; // records of the lists handed out so far (children fetched for a parent not counted)

    MagentoRecordStream(MagentoClient client, EntityType entity, SyncCursor from, String currency,
            StoredProducts stored) {
        this.client = requireNonNull(client, "client is null");
        this.stored = stored;
        this.entity = requireNonNull(entity, "entity is null");
        this.from = requireNonNull(from, "from is null");
        this.cursor = from;
        this.currency = currency;
        this.path = switch (entity) {
            case PRODUCTS -> "products";
            case ORDERS -> "orders";
            case CUSTOMERS -> "customers/search"; // CustomerRepository::getList, same searchCriteria as orders
        };
        this.what = "listing " + entity.cliName();
    }

    @Override
    public Optional<RecordPage> nextPage() {
        if (done) {
            return Optional.empty();
        }
        if (entity == EntityType.PRODUCTS && parents == null) {
            parents = MagentoParents.forRead(client, from, stored);
        }
        MagentoClient.Listing listing = client.list(path, keyset(cursor), what);
        List<JsonNode> items = listing.items();
        boolean last = items.isEmpty() || items.size() >= listing.totalCount();
        List<JsonNode> fresh = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        SyncCursor previous = null;
        for (JsonNode item : items) {
            String id = id(item);
            Instant updated = MagentoProductMapper.updatedAt(item, id);
            SyncCursor position = SyncCursor.of(updated, id);
            if (previous != null && position.compareTo(previous) < 0) {
                throw outOfOrder();
            }
            previous = position;
            String key = id + "@" + updated;
            keys.add(key);
            if (cursor.isBefore(updated, id) && !previousPage.contains(key)) {
                fresh.add(item);
            }
        }
        if (fresh.isEmpty()) {
            if (!last) {
                throw filterIgnored(listing.totalCount());
            }
            done = true;
            return Optional.empty();
        }
        JsonNode newest = fresh.get(fresh.size() - 1);
        String newestId = id(newest);
        cursor = cursor.max(SyncCursor.of(MagentoProductMapper.updatedAt(newest, newestId), newestId));
        previousPage = keys;
        done = last;
        delivered += fresh.size();
        // total_count counts every record after the cursor asked from, this answer's included
        long remaining = last ? 0 : listing.totalCount() - items.size();
        return Optional.of(new RecordPage(records(fresh), cursor).withRejected(quarantine.drain())
                .withProgress(ReadProgress.remaining(delivered, remaining)));
    }

    /** Page 1 of the records strictly after {@code after}, oldest first. */
    static MagentoQuery keyset(SyncCursor after) {
        MagentoQuery query = MagentoQuery.searchCriteria();
        if (!after.isStart()) {
            Instant at = after.modifiedAt();
            boolean wholeSecond = at.getNano() == 0;
            // updated_at has whole seconds: nothing lies between a fractional cursor and the next second
            Instant second = wholeSecond ? at : at.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            query.filter(0, 0, "updated_at", "gteq", UTC.format(second));
            if (wholeSecond && after.lastId() != null) {
                query.filter(1, 0, "updated_at", "gt", UTC.format(second))
                        .filter(1, 1, "entity_id", "gt", after.lastId());
            }
        }
        return query.sort(0, "updated_at", "ASC").sort(1, "entity_id", "ASC").pageSize(PAGE_SIZE);
    }

    private String id(JsonNode item) {
        return MagentoProductMapper.id(item, entity == EntityType.ORDERS ? "entity_id" : "id");
    }

    private List<SourceRecord> records(List<JsonNode> items) {
        List<SourceRecord> records = new ArrayList<>(items.size());
        if (entity != EntityType.PRODUCTS) { // orders and customers: one record per item, nothing to link
            for (JsonNode item : items) {
                quarantine.map(records, () -> entity == EntityType.ORDERS ? MagentoOrderMapper.order(item)
                        : MagentoCustomerMapper.customer(item), () -> id(item), item::toString);
            }
            return records;
        }
        parents.learn(items);
        Set<String> inPage = new HashSet<>();
        for (JsonNode item : items) {
            inPage.add(id(item));
        }
        Set<Long> children = from.isStart() ? new HashSet<>() : parents.childrenOf(items);
        children.removeIf(child -> inPage.contains(Long.toString(child)));
        List<JsonNode> all = new ArrayList<>(items);
        all.addAll(fetch(children));
        Map<String, String> parentOf = parents.parentsOf(all.stream().map(this::id).toList());
        for (JsonNode item : all) {
            String id = id(item);
            quarantine.map(records, () -> MagentoProductMapper.product(item, parentOf.get(id), currency),
                    () -> id, item::toString);
        }
        return records;
    }

    /** Products by id, {@value #PAGE_SIZE} per request. */
    private List<JsonNode> fetch(Set<Long> ids) {
        List<JsonNode> products = new ArrayList<>();
        List<Long> all = new ArrayList<>(ids);
        for (int start = 0; start < all.size(); start += PAGE_SIZE) {
            List<String> chunk = all.subList(start, Math.min(all.size(), start + PAGE_SIZE)).stream()
                    .map(String::valueOf).toList();
            MagentoQuery query = MagentoQuery.searchCriteria().filter(0, 0, "entity_id", "in", String.join(",", chunk))
                    .sort(0, "entity_id", "ASC").pageSize(PAGE_SIZE);
            products.addAll(client.list("products", query, "listing the children of configurable products").items());
        }
        return products;
    }

    private ConnectorException outOfOrder() {
        return new ConnectorException(FailureKind.SERVER_ERROR, "Magento answered " + what + " in another order than "
                + "asked (updated_at, then entity_id, ascending); reading on could skip records, so the sync stops. "
                + "An extension that rewrites " + entity.cliName() + " searches may be the cause.");
    }

    private ConnectorException filterIgnored(long total) {
        return new ConnectorException(FailureKind.SERVER_ERROR, "Magento answered " + what + " with records the "
                + "search excludes (at or before " + cursor + ") although total_count says " + total + " match: the "
                + "shop does not apply the updated_at and entity_id filters, so reading on could skip records and "
                + "the sync stops. An extension that rewrites " + entity.cliName() + " searches may be the cause.");
    }
}
