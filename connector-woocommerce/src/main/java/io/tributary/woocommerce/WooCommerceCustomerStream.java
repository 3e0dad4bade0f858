package io.tributary.woocommerce;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.spi.Quarantine;
import io.tributary.spi.ReadProgress;
import io.tributary.spi.RecordPage;
import io.tributary.spi.RecordStream;
import io.tributary.spi.SourceRecord;
import io.tributary.spi.SyncCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads every registered customer ({@code GET /wc/v3/customers}, role {@code customer}, WooCommerce's default), in id
 * order, {@value #PER_PAGE} per request.
 *
 * <p>A full read each time, whatever the cursor: the customers endpoint has no {@code modified_after} (nor any
 * filter by modification; its {@code orderby} takes {@code id, include, name, registered_date} only — WooCommerce
 * issue 41371 asks for it), so what changed cannot be asked for. Unchanged customers are counted unchanged by the
 * host's content hash and not written again. The run carries a notice saying so.
 *
 * <p>Pages are walked by {@code offset}; each deeper request overlaps the last customer seen by one, and when that
 * customer is not where it was (one before it was deleted, shifting the list) the read starts over from offset 0,
 * skipping ids already seen, so a deletion during the read never skips a customer. The cursor moves only with the
 * last page (the newest modification time seen), since only then has every customer been seen.
 */
final class WooCommerceCustomerStream implements RecordStream {
    static final int PER_PAGE = 100;
    static final String NOTICE = "WooCommerce cannot list customers changed since a time (its customers endpoint has "
            + "no modified_after), so every customer was read; unchanged ones were not written again.";

    private final WooCommerceClient client;
    private final SyncCursor from;
    private final Quarantine quarantine = new Quarantine();

    private int known; // customers of the list known to lie before the next request, from its start
    private String lastIdSeen;
    private SyncCursor newestSeen = SyncCursor.START;
    private boolean done;

    WooCommerceCustomerStream(WooCommerceClient client, SyncCursor from) {
        this.client = requireNonNull(client, "client is null");
        this.from = requireNonNull(from, "from is null");
    }

    @Override
    public Optional<RecordPage> nextPage() {
        while (!done) {
            Optional<RecordPage> page = next();
            if (page.isPresent()) {
                return page;
            }
        }
        return Optional.empty();
    }

    private Optional<RecordPage> next() {
        int offset = Math.max(0, known - 1);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("per_page", Integer.toString(PER_PAGE));
        parameters.put("offset", Integer.toString(offset));
        parameters.put("orderby", "id");
        parameters.put("order", "asc");
        WooCommerceClient.Listing listing = client.list("customers", parameters, "listing customers");
        List<JsonNode> items = new ArrayList<>(listing.items().size());
        listing.items().forEach(items::add);
        if (offset > 0 && (items.isEmpty()
                || SyncCursor.compareIds(WooCommerceProductMapper.id(items.get(0)), lastIdSeen) > 0)) {
            known = 0; // the overlapping customer is not where it was: start over, skipping what was seen
            return Optional.empty();
        }
        List<SourceRecord> records = new ArrayList<>();
        for (JsonNode item : items) {
            String id = WooCommerceProductMapper.id(item);
            if (lastIdSeen != null && SyncCursor.compareIds(id, lastIdSeen) <= 0) {
                continue;
            }
            lastIdSeen = id;
            if (quarantine.map(records, () -> WooCommerceCustomerMapper.customer(item), () -> id, item::toString)) {
                Instant modified = ((io.tributary.spi.CustomerRecord) records.get(records.size() - 1)).updatedAt();
                if (modified != null) {
                    newestSeen = newestSeen.max(SyncCursor.of(modified, id));
                }
            }
        }
        known = offset + items.size();
        done = items.size() < PER_PAGE;
        SyncCursor cursorAfter = done ? from.max(newestSeen) : from;
        RecordPage page = new RecordPage(records, cursorAfter).withRejected(quarantine.drain());
        if (listing.total() != null) {
            page = page.withProgress(ReadProgress.remaining(known, done ? 0 : Math.max(0, listing.total() - known)));
        }
        return page.records().isEmpty() && page.rejected().isEmpty() && !done ? Optional.empty() : Optional.of(page);
    }

    @Override
    public List<String> notices() {
        return List.of(NOTICE);
    }
}
