package io.tributary.woocommerce;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.spi.EntityType;
import io.tributary.spi.Quarantine;
import io.tributary.spi.ReadProgress;
import io.tributary.spi.RecordPage;
import io.tributary.spi.RecordStream;
import io.tributary.spi.SourceRecord;
import io.tributary.spi.SyncCursor;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads products or orders changed after a cursor, oldest first, one page at a time.
 *
 * <p>Every request re-queries from the cursor ({@code orderby=modified&order=asc&modified_after=<cursor second
 * - 1 s, in the shop's local time>}, see {@link WooCommerceModifiedAfter}) instead of walking page numbers, so a record edited during the sync (it moves to
 * the end) is read later in the same sync, never skipped. Records at or before the cursor (same second, lower or
 * equal id) are dropped client-side. When more records share one second than fit a page, the read goes deeper
 * into the same query with {@code offset}; every deeper request overlaps the last records already seen, and if
 * they are not where they were (a record before them vanished or moved, shifting the list) the query starts
 * over from offset 0 instead of risking a gap. The cursor never passes a record that could still be unseen,
 * also where the shop's sort order (local time for products) and GMT disagree — see {@link #boundAfter}.
 *
 * <p>Shops older than WooCommerce 5.8 have no {@code modified_after}: then everything is read in id order
 * (also with an overlap check) and filtered here; the cursor moves only with the last page.
 */
final class WooCommerceRecordStream implements RecordStream {
    static final int PER_PAGE = 100;
    private static final int OVERLAP = 2;
    /** Variation lists of one page fetched at once (each still paced by the connection's rate). */
    static final int VARIATION_FETCHES_IN_FLIGHT = 4;

    private final WooCommerceClient client;
    private final EntityType entity;
    private final SyncCursor from;
    private final boolean modifiedFilters;
    private final boolean allVariations;
    private final String currency;
    private final java.time.ZoneId siteZone;
    private final String path;
    /** Records of the page being built that could not be read: kept aside, the rest of the page stored. */
    private final Quarantine quarantine = new Quarantine();

    private SyncCursor cursor;
    private Instant filter;
    private int known; // records of the current query known to lie at or before the cursor, at its start
    private List<String> overlapIds = List.of(); // the last ids of the previous answer, expected again first
    private String lastIdSeen; // id-order fallback only
    private SyncCursor newestSeen = SyncCursor.START; // id-order fallback only
    private boolean done;
    private long delivered; // records of the shop's lists handed out so far (a product with its variations once)

    WooCommerceRecordStream(WooCommerceClient client, EntityType entity, SyncCursor from, boolean modifiedFilters,
            boolean allVariations, String currency, java.time.ZoneId siteZone) {
        this.client = requireNonNull(client, "client is null");
        this.entity = requireNonNull(entity, "entity is null");
        this.from = requireNonNull(from, "from is null");
        this.cursor = from;
        this.filter = filterOf(from);
        this.modifiedFilters = modifiedFilters;
        this.allVariations = allVariations;
        this.currency = currency;
        this.siteZone = siteZone;
        this.path = entity == EntityType.PRODUCTS ? "products" : "orders";
    }

    @Override
    public Optional<RecordPage> nextPage() {
        while (!done) {
            Optional<RecordPage> page = modifiedFilters ? nextByModification() : nextById();
            if (page.isPresent()) {
                return page;
            }
        }
        return Optional.empty();
    }

    /** One request of the keyset read; a page when it found records past the cursor. */
    private Optional<RecordPage> nextByModification() {
        int offset = Math.max(0, known - OVERLAP);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("per_page", Integer.toString(PER_PAGE));
        parameters.put("offset", Integer.toString(offset));
        parameters.put("orderby", "modified");
        parameters.put("order", "asc");
        if (filter != null) { // without dates_are_gmt, which some shops ignore: see WooCommerceModifiedAfter
            parameters.put("modified_after", WooCommerceModifiedAfter.of(filter.minusSeconds(1), siteZone));
        }
        WooCommerceClient.Listing listing = client.list(path, parameters, "listing " + path);
        List<JsonNode> items = items(listing.items());
        if (offset > 0 && !startsWith(items, overlapIds)) {
            known = 0; // what was seen is not where it was: records vanished or moved; look again from the start
            return Optional.empty();
        }
        if (items.isEmpty()) {
            done = true;
            return Optional.empty();
        }
        List<JsonNode> fresh = new ArrayList<>();
        SyncCursor newest = cursor;
        for (JsonNode item : items) {
            String id = WooCommerceProductMapper.id(item);
            Instant modified = WooCommerceProductMapper.modifiedAt(item, id);
            if (cursor.isBefore(modified, id)) {
                fresh.add(item);
                newest = newest.max(SyncCursor.of(modified, id));
            }
        }
        // a short answer ends the query; so does a full one that ends exactly at X-WP-Total, the query's count when
        // it ran (a record changed after that moves past the cursor and is read by the next sync, as with a short
        // answer). A total that does not match what came (a cache, a plugin that skips counting) is not trusted
        boolean lastPage = items.size() < PER_PAGE
                || listing.total() != null && offset + items.size() == listing.total();
        SyncCursor next = cursor.max(lastPage ? newest : min(newest, boundAfter(items.get(items.size() - 1))));
        Instant nextFilter = filterOf(next);
        known = java.util.Objects.equals(nextFilter, filter) ? offset + items.size() : 0;
        overlapIds = tailIds(items);
        cursor = next;
        filter = nextFilter;
        done = lastPage;
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        delivered += fresh.size();
        // X-WP-Total counts every record of the query, before the offset: what lies past this answer is left
        Long remaining = listing.total() == null ? null : lastPage ? 0 : listing.total() - offset - items.size();
        return Optional.of(withProgress(page(fresh, cursor), delivered, remaining));
    }

    /** The page saying how far the read has come, when the shop sent {@code X-WP-Total}. */
    private static RecordPage withProgress(RecordPage page, long done, Long remaining) {
        return remaining == null ? page : page.withProgress(ReadProgress.remaining(done, remaining));
    }

    /**
     * The highest cursor that is safe after a page ending with {@code last}, whichever modification time the
     * shop sorts by. WordPress sorts products by the site-local time ({@code post_modified}) while the filter
     * and the cursor use GMT; both orders agree except in the hour that repeats when daylight saving time
     * ends, where a record later in local order can be earlier in GMT. Records not yet seen come at or after
     * {@code last}'s local time, so none is earlier than that local time read with the earlier of its offsets.
     */
    private SyncCursor boundAfter(JsonNode last) {
        String id = WooCommerceProductMapper.id(last);
        Instant gmt = WooCommerceProductMapper.modifiedAt(last, id);
        String local = io.tributary.http.Json.text(last, "date_modified");
        if (siteZone == null || local == null) {
            return SyncCursor.of(gmt, id);
        }
        Instant earliest;
        try {
            earliest = java.time.LocalDateTime.parse(local).atZone(siteZone).withEarlierOffsetAtOverlap().toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return SyncCursor.of(gmt, id);
        }
        return earliest.isBefore(gmt) ? SyncCursor.of(earliest, null) : SyncCursor.of(gmt, id);
    }

    private static SyncCursor min(SyncCursor a, SyncCursor b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static boolean startsWith(List<JsonNode> items, List<String> ids) {
        if (items.size() < ids.size()) {
            return false;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (!WooCommerceProductMapper.id(items.get(i)).equals(ids.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> tailIds(List<JsonNode> items) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : items.subList(Math.max(0, items.size() - OVERLAP), items.size())) {
            ids.add(WooCommerceProductMapper.id(item));
        }
        return ids;
    }

    /**
     * The fallback for shops without {@code modified_after}: all records in id order, filtered here. Each deeper
     * request overlaps the last record seen by one; when that record is not where it should be, records before
     * it vanished and the read starts over (records already seen are skipped by id).
     */
    private Optional<RecordPage> nextById() {
        int offset = Math.max(0, known - 1);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("per_page", Integer.toString(PER_PAGE));
        parameters.put("offset", Integer.toString(offset));
        parameters.put("orderby", "id");
        parameters.put("order", "asc");
        WooCommerceClient.Listing listing = client.list(path, parameters, "listing " + path);
        List<JsonNode> items = items(listing.items());
        boolean overlapMissing = offset > 0 && (items.isEmpty()
                || SyncCursor.compareIds(WooCommerceProductMapper.id(items.get(0)), lastIdSeen) > 0);
        if (overlapMissing) {
            known = 0;
            return Optional.empty();
        }
        List<JsonNode> changed = new ArrayList<>();
        for (JsonNode item : items) {
            String id = WooCommerceProductMapper.id(item);
            if (lastIdSeen != null && SyncCursor.compareIds(id, lastIdSeen) <= 0) {
                continue;
            }
            lastIdSeen = id;
            Instant modified = WooCommerceProductMapper.modifiedAt(item, id);
            newestSeen = newestSeen.max(SyncCursor.of(modified, id));
            if (from.isBefore(modified, id)) {
                changed.add(item);
            }
        }
        known = offset + items.size();
        // everything is listed here and filtered by this side: the progress is how much of the list was looked at
        Long remaining = listing.total() == null ? null : Math.max(0, listing.total() - known);
        if (items.size() < PER_PAGE) {
            done = true;
            // only now has every record been seen, so only now may the cursor move
            return Optional.of(withProgress(page(changed, from.max(newestSeen)), known,
                    listing.total() == null ? null : 0L));
        }
        return changed.isEmpty() ? Optional.empty()
                : Optional.of(withProgress(page(changed, from), known, remaining));
    }

    /** A page of what {@code items} map to, with those that could not be read set aside. */
    private RecordPage page(List<JsonNode> items, SyncCursor cursorAfter) {
        return new RecordPage(records(items), cursorAfter).withRejected(quarantine.drain());
    }

    private List<SourceRecord> records(List<JsonNode> items) {
        List<SourceRecord> records = new ArrayList<>(items.size());
        if (entity == EntityType.ORDERS) {
            items.forEach(item -> quarantine.map(records, () -> WooCommerceOrderMapper.order(item),
                    () -> WooCommerceProductMapper.id(item), item::toString));
            return records;
        }
        List<JsonNode> variable = items.stream().filter(item -> "variable".equals(item.path("type").asText()))
                .toList();
        Map<JsonNode, List<JsonNode>> byProduct = allVariations ? variationsByIds(variable)
                : variationsByProduct(variable);
        for (JsonNode item : items) {
            quarantine.map(records, () -> WooCommerceProductMapper.product(item, currency),
                    () -> WooCommerceProductMapper.id(item), item::toString);
            for (JsonNode v : byProduct.getOrDefault(item, List.of())) {
                quarantine.map(records, () -> WooCommerceProductMapper.variation(v, item, currency),
                        () -> WooCommerceProductMapper.id(v), v::toString);
            }
        }
        return records;
    }

    /**
     * One request per variable product (the page's are sent together, within the connection's rate): shops
     * before WooCommerce 10.3, or when a product's variation ids did not all come by id.
     */
    private Map<JsonNode, List<JsonNode>> variationsByProduct(List<JsonNode> variable) {
        List<List<JsonNode>> variations = client.inParallel(variable.stream()
                .map(product -> (java.util.function.Supplier<List<JsonNode>>) () -> variations(product)).toList(),
                VARIATION_FETCHES_IN_FLIGHT);
        Map<JsonNode, List<JsonNode>> byProduct = new java.util.IdentityHashMap<>();
        for (int i = 0; i < variable.size(); i++) {
            byProduct.put(variable.get(i), variations.get(i));
        }
        return byProduct;
    }

    /**
     * WooCommerce 10.3 and later: the variations of a page's variable products by the ids each product lists
     * ({@code variations}), {@value #PER_PAGE} per request of {@code GET /variations?include=...}, sent together.
     * A variation that does not come (deleted since its product was read) is simply not there; a product whose
     * listed ids cannot all be matched to it is read on its own, as on older shops.
     */
    private Map<JsonNode, List<JsonNode>> variationsByIds(List<JsonNode> variable) {
        List<String> ids = new ArrayList<>();
        for (JsonNode product : variable) {
            product.path("variations").forEach(id -> ids.add(id.asText()));
        }
        List<java.util.function.Supplier<List<JsonNode>>> calls = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += PER_PAGE) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + PER_PAGE));
            calls.add(() -> items(client.list("variations", Map.of("include", String.join(",", chunk),
                    "per_page", Integer.toString(PER_PAGE), "orderby", "include", "status", "any"),
                    "listing variations by id").items()));
        }
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        client.inParallel(calls, VARIATION_FETCHES_IN_FLIGHT).forEach(batch -> batch.forEach(
                v -> byId.put(WooCommerceProductMapper.id(v), v)));
        Map<JsonNode, List<JsonNode>> byProduct = new java.util.IdentityHashMap<>();
        List<JsonNode> unmatched = new ArrayList<>();
        for (JsonNode product : variable) {
            String parentId = WooCommerceProductMapper.id(product);
            List<JsonNode> own = new ArrayList<>();
            boolean mismatch = false;
            for (JsonNode id : product.path("variations")) {
                JsonNode variation = byId.get(id.asText());
                if (variation != null && !parentId.equals(variation.path("parent_id").asText())) {
                    mismatch = true; // moved to another product since: read this one on its own
                } else if (variation != null) {
                    own.add(variation);
                }
            }
            if (mismatch) {
                unmatched.add(product);
            } else {
                byProduct.put(product, own);
            }
        }
        byProduct.putAll(variationsByProduct(unmatched));
        return byProduct;
    }

    private List<JsonNode> variations(JsonNode product) {
        String id = WooCommerceProductMapper.id(product);
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<JsonNode> batch = items(client.list("products/" + id + "/variations",
                    Map.of("per_page", Integer.toString(PER_PAGE), "page", Integer.toString(page), "orderby", "id",
                            "order", "asc"), "listing the variations of product " + id).items());
            all.addAll(batch);
            if (batch.size() < PER_PAGE) {
                return all;
            }
        }
    }

    private static List<JsonNode> items(JsonNode array) {
        List<JsonNode> items = new ArrayList<>(array.size());
        array.forEach(items::add);
        return items;
    }

    private static Instant filterOf(SyncCursor cursor) {
        return cursor.isStart() ? null : cursor.modifiedAt().truncatedTo(ChronoUnit.SECONDS);
    }
}
