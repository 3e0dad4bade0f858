package io.tributary.coopcycle;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.Json;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import io.tributary.spi.Quarantine;
import io.tributary.spi.ReadProgress;
import io.tributary.spi.RecordPage;
import io.tributary.spi.RecordStream;
import io.tributary.spi.RejectedRecord;
import io.tributary.spi.SourceRecord;
import io.tributary.spi.SyncCursor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a store's deliveries with a low-water mark, because CoopCycle has no "modified since" filter and a
 * delivery's status changes without anything that could be filtered on.
 *
 * <p>Each read lists the store's deliveries newest first ({@code order[createdAt]=desc}, 100 per page, following
 * {@code hydra:next}) down to its floor: the cursor it started from or {@code now - rereadFor}, whichever is older.
 * So every delivery created within the re-read window is read again at every sync, whatever its status was last
 * time (a finished one can be reopened, a failed dropoff rescheduled), and so is every older one still under way
 * (not DONE nor CANCELLED) whose dropoff deadline is less than {@code rereadFor} ago, since the new mark is the
 * creation time of the oldest such delivery, or {@code now - rereadFor} when that is older. The mark therefore
 * never passes {@code now - rereadFor}; the floor does not depend on it either, so a cursor committed ahead of the
 * window (by an older version: the engine never moves a cursor back) still reads the whole window. Pages carry the
 * starting cursor; only the last one carries the new mark, so a crash mid-read resumes from where this read began.
 * An unfinished delivery whose dropoff deadline passed more than {@code rereadFor} ago, or a finished one created
 * before the window, is left as last read until a full sync.
 *
 * <p>Listing newest first by page number is safe while deliveries are created during the read: a new one pushes
 * the others down a page, so one is seen twice, never skipped; deliveries are cancelled, never deleted. If the
 * server ignores the order (deliveries come oldest first), the read does not stop early and reads everything.
 */
final class CoopCycleDeliveryStream implements RecordStream {
    static final int PER_PAGE = 100;
    private static final Logger log = LoggerFactory.getLogger(CoopCycleDeliveryStream.class);

    private final CoopCycleClient client;
    private final SyncCursor from;
    private final Instant now;
    /** Deliveries of the page being built that could not be read: kept aside, the rest of the page stored. */
    private final Quarantine quarantine = new Quarantine();
    private final Duration rereadFor;
    private final String currency;
    /** Deliveries created before this are not read (none: a full read). */
    private final Instant floor;
    private HttpUrl next;
    private boolean done;
    private boolean unsorted;
    private Instant previousCreated;
    private SyncCursor oldestOpen;
    private long scanned; // deliveries listed so far

    CoopCycleDeliveryStream(CoopCycleClient client, long storeId, SyncCursor from, Instant now, Duration rereadFor,
            String currency) {
        this.client = requireNonNull(client, "client is null");
        this.from = requireNonNull(from, "from is null");
        this.now = requireNonNull(now, "now is null");
        this.rereadFor = requireNonNull(rereadFor, "rereadFor is null");
        this.currency = requireNonNull(currency, "currency is null");
        Instant windowStart = now.minus(rereadFor);
        this.floor = from.isStart() ? null
                : from.modifiedAt().isBefore(windowStart) ? from.modifiedAt() : windowStart;
        this.next = client.site().storeDeliveries(storeId, PER_PAGE);
    }

    @Override
    public Optional<RecordPage> nextPage() {
        while (!done) {
            HttpUrl url = next;
            JsonNode page = client.get(url, "listing the store's deliveries");
            JsonNode members = page.path("hydra:member");
            if (!members.isArray()) {
                throw new ConnectorException(FailureKind.NOT_THIS_SYSTEM, "CoopCycle answered " + url.encodedPath()
                        + " without a hydra:member list: this is not a CoopCycle API.");
            }
            List<SourceRecord> records = new ArrayList<>();
            scanned += members.size();
            boolean sawOlder = false;
            for (JsonNode delivery : members) {
                Instant created = CoopCycleDeliveryMapper.createdAt(delivery);
                noticeOrder(created);
                if (floor != null && created.isBefore(floor)) {
                    sawOlder = true;
                    continue;
                }
                if (quarantine.map(records, () -> CoopCycleDeliveryMapper.order(delivery, currency),
                        () -> CoopCycleDeliveryMapper.id(delivery), delivery::toString)) {
                    track(delivery, created);
                }
            }
            String link = Json.text(page.path("hydra:view"), "hydra:next");
            boolean last = (sawOlder && !unsorted) || link == null || members.isEmpty();
            if (!last) {
                HttpUrl following = client.site().resolve(link);
                if (following.equals(url)) {
                    throw new ConnectorException(FailureKind.SERVER_ERROR, "CoopCycle's hydra:next of "
                            + url.encodedPath() + " points at the same page; the listing cannot be read to its end.");
                }
                next = following;
            }
            done = last;
            SyncCursor cursor = last ? mark() : from;
            List<RejectedRecord> rejected = quarantine.drain();
            // a page whose every delivery was set aside is still handed over: its rejects are stored with it
            if (!records.isEmpty() || !rejected.isEmpty() || (last && !cursor.equals(from))) {
                return Optional.of(withProgress(new RecordPage(records, cursor).withRejected(rejected), page, last));
            }
        }
        return Optional.empty();
    }

    /**
     * The page with how far the read has come when it lists every delivery (a full read, or a server that does not
     * sort): then {@code hydra:totalItems}, the store's deliveries, is what it covers. An incremental read stops at
     * the mark, somewhere in that list, so it tells no total.
     */
    private RecordPage withProgress(RecordPage records, JsonNode page, boolean last) {
        JsonNode total = page.path("hydra:totalItems");
        if (!(from.isStart() || unsorted) || !total.canConvertToLong()) {
            return records;
        }
        return records.withProgress(new ReadProgress(scanned, last ? scanned : Math.max(scanned, total.asLong())));
    }

    /**
     * Notices a server that does not sort newest first, so the read must not stop at the mark. The server sorts by
     * the delivery's creation time and the connector reads its pickup task's, so a second of disorder is allowed.
     */
    private void noticeOrder(Instant created) {
        if (previousCreated != null && created.isAfter(previousCreated.plusSeconds(1)) && !unsorted) {
            unsorted = true;
            log.warn("CoopCycle does not list deliveries newest first (order[createdAt]=desc ignored); reading all "
                    + "of them");
        }
        previousCreated = created;
    }

    private void track(JsonNode delivery, Instant created) {
        SyncCursor position = SyncCursor.of(created, CoopCycleDeliveryMapper.id(delivery));
        String status = CoopCycleDeliveryMapper.status(delivery);
        boolean stale = CoopCycleDeliveryMapper.dropoffDeadline(delivery).plus(rereadFor).isBefore(now);
        if (!CoopCycleDeliveryMapper.isFinal(status) && !stale
                && (oldestOpen == null || position.compareTo(oldestOpen) < 0)) {
            oldestOpen = position;
        }
    }

    /**
     * The new low-water mark: the oldest delivery still under way within its bound, or the start of the re-read
     * window when that is older; never behind the cursor this read started from (the engine would not take it).
     */
    private SyncCursor mark() {
        SyncCursor windowStart = SyncCursor.of(now.minus(rereadFor), null);
        SyncCursor mark = oldestOpen != null && oldestOpen.compareTo(windowStart) < 0 ? oldestOpen : windowStart;
        return from.isStart() ? mark : from.max(mark);
    }
}
