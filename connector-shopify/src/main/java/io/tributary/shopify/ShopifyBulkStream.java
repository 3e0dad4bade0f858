package io.tributary.shopify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.HttpDownload;
import io.tributary.http.Json;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.EntityType;
import io.tributary.spi.FailureKind;
import io.tributary.spi.RecordPage;
import io.tributary.spi.RecordStream;
import io.tributary.spi.SourceRecord;
import io.tributary.spi.SyncCursor;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full read through a bulk query operation: starts it (children grouped after their parent), polls its status
 * on the sync's own thread (every 0.2 s at first, then less often, up to every 5 s, for at most
 * {@link #LONGEST_WAIT}), and streams the JSONL result line by line — one record
 * with its variants or lines in memory at a time, pages of {@value #PAGE} records. Pages carry the start cursor
 * until the last, which carries the operation's creation time: everything updated before it is in the file, and
 * the next incremental read starts there (minus the lookback). A run that fails midway starts a new operation.
 *
 * <p>Where a bulk operation cannot run — Shopify refuses to start one (another is running, the token may not) or it
 * ends FAILED, CANCELED or EXPIRED — the read falls back to paged queries and says so in the log and in the run
 * ({@link #notices()}; the paged read
 * then fails as FORBIDDEN if the app may not read the entity at all). An operation that ends with ACCESS_DENIED
 * fails the read as FORBIDDEN.
 */
final class ShopifyBulkStream implements RecordStream {
    static final int PAGE = 250;
    private static final Logger log = LoggerFactory.getLogger(ShopifyBulkStream.class);
    private static final Duration FIRST_POLL = Duration.ofMillis(200);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(5);
    /** How long a sync waits for an export before it reads page by page instead. */
    static final Duration LONGEST_WAIT = Duration.ofHours(3);

    private final ShopifyClient client;
    private final EntityType entity;
    private final String currency;
    private final Supplier<RecordStream> fallback;
    private final String label;
    private RecordStream delegate;
    private HttpDownload download;
    private Instant createdAt;
    private JsonNode pending;
    private boolean done;
    private final List<String> notices = new ArrayList<>();

    ShopifyBulkStream(ShopifyClient client, EntityType entity, String currency, Supplier<RecordStream> fallback,
            String label) {
        this.client = requireNonNull(client, "client is null");
        this.entity = requireNonNull(entity, "entity is null");
        this.currency = currency;
        this.fallback = requireNonNull(fallback, "fallback is null");
        this.label = requireNonNull(label, "label is null");
    }

    @Override
    public Optional<RecordPage> nextPage() {
        if (delegate != null) {
            return delegate.nextPage();
        }
        if (done) {
            return Optional.empty();
        }
        if (download == null && !run()) {
            return delegate != null ? delegate.nextPage() : Optional.empty();
        }
        List<SourceRecord> records = new ArrayList<>();
        int roots = 0;
        try {
            while (roots < PAGE) {
                JsonNode root = pending != null ? pending : next();
                pending = null;
                if (root == null) {
                    done = true;
                    break;
                }
                records.addAll(readRoot(root));
                roots++;
            }
        } catch (IOException e) {
            throw new ConnectorException(FailureKind.UNREACHABLE, "The download of Shopify's bulk result for "
                    + entity.cliName() + " broke off (" + e.getClass().getSimpleName() + "); the next run starts a new "
                    + "export.", null, e);
        }
        if (done) {
            close();
        }
        return Optional.of(new RecordPage(records, done ? SyncCursor.of(createdAt, null) : SyncCursor.START));
    }

    /** Starts the operation and waits for it; true when there is a file to read. */
    private boolean run() {
        String noun = entity.cliName();
        ShopifyAnswer started = client.query(ShopifyQueries.BULK_START, Json.mapper().createObjectNode().put("query",
                entity == EntityType.PRODUCTS ? ShopifyQueries.BULK_PRODUCTS : ShopifyQueries.BULK_ORDERS), 10,
                "starting a bulk export of " + noun);
        if (started.hasErrors()) { // e.g. a token that may not run bulk operations: the pages say if it may read
            return fallBack("Shopify refused to start a bulk export of " + noun + " (\""
                    + String.join(" ", started.messages(null)) + "\")");
        }
        JsonNode payload = started.data().path("bulkOperationRunQuery");
        JsonNode userErrors = payload.path("userErrors");
        if (userErrors.size() > 0 || !payload.path("bulkOperation").path("id").isTextual()) {
            return fallBack("Shopify refused to start a bulk export of " + noun + " (\""
                    + userErrors.path(0).path("message").asText("no operation id") + "\")");
        }
        String id = payload.path("bulkOperation").path("id").asText();
        Duration interval = FIRST_POLL;
        long giveUpAt = System.nanoTime() + LONGEST_WAIT.toNanos();
        while (true) {
            if (System.nanoTime() - giveUpAt > 0) {
                return fallBack("Shopify's bulk export of " + noun + " did not finish within "
                        + LONGEST_WAIT.toHours() + " h");
            }
            client.throttle().sleep(interval);
            interval = interval.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : interval.multipliedBy(2);
            JsonNode operation = client.data(ShopifyQueries.BULK_STATUS, Json.mapper().createObjectNode().put("id", id),
                    1, "asking how the bulk export of " + noun + " is doing").path("bulkOperation");
            String status = operation.path("status").asText("");
            switch (status) {
                case "CREATED", "RUNNING", "CANCELING" -> { }
                case "COMPLETED" -> {
                    createdAt = Json.utcInstant(operation, "createdAt", id);
                    String url = Json.text(operation, "url");
                    if (url == null) {
                        done = true; // nothing matched: Shopify has no file to give
                        return true;
                    }
                    download = client.session().download(HttpUrl.get(url), answer -> new ConnectorException(
                            FailureKind.SERVER_ERROR, "Downloading Shopify's bulk result for " + noun + " failed "
                                    + "(HTTP " + answer.status() + " from " + answer.where() + ").", answer.status(), null));
                    return true;
                }
                default -> {
                    String code = operation.path("errorCode").asText("");
                    if (code.equals("ACCESS_DENIED")) {
                        throw new ConnectorException(FailureKind.FORBIDDEN, "Shopify's bulk export of " + noun
                                + " failed with ACCESS_DENIED: the app lacks the scope to read " + noun + ".", 200, null);
                    }
                    return fallBack("Shopify's bulk export of " + noun + " ended " + status
                            + (code.isEmpty() ? "" : " (" + code + ")"));
                }
            }
        }
    }

    private boolean fallBack(String reason) {
        log.warn("{}: {}; reading {} page by page instead.", label, reason, entity.cliName());
        notices.add(reason + "; " + entity.cliName() + " were read page by page instead.");
        delegate = fallback.get();
        return false;
    }

    @Override
    public List<String> notices() {
        List<String> all = new ArrayList<>(notices);
        if (delegate != null) {
            all.addAll(delegate.notices());
        }
        return all;
    }

    /** The next line as JSON, or null at the end. */
    private JsonNode next() throws IOException {
        if (download == null) {
            return null;
        }
        String line;
        do {
            line = download.lines().readLine();
        } while (line != null && line.isBlank());
        return line == null ? null : Json.mapper().readTree(line);
    }

    /** A root line and the children that follow it; leaves the next root in {@link #pending}. */
    private List<SourceRecord> readRoot(JsonNode root) throws IOException {
        if (root.hasNonNull("__parentId")) {
            throw notGrouped(root);
        }
        String id = ShopifyIds.gid(root, entity == EntityType.PRODUCTS ? "Product" : "Order");
        List<JsonNode> children = new ArrayList<>();
        for (JsonNode line = next(); line != null; line = next()) {
            if (!line.hasNonNull("__parentId")) {
                pending = line;
                break;
            }
            if (!line.path("__parentId").asText().equals(id)) {
                throw notGrouped(line);
            }
            ((com.fasterxml.jackson.databind.node.ObjectNode) line).remove("__parentId");
            children.add(line);
        }
        List<SourceRecord> records = new ArrayList<>(children.size() + 1);
        if (entity == EntityType.PRODUCTS) {
            records.add(ShopifyProductMapper.product(root, currency));
            children.forEach(v -> records.add(ShopifyProductMapper.variant(v, root, currency)));
        } else {
            records.add(ShopifyOrderMapper.order(root, children));
        }
        return records;
    }

    private ConnectorException notGrouped(JsonNode line) {
        return new ConnectorException(FailureKind.SERVER_ERROR, "Shopify's bulk result for " + entity.cliName()
                + " has a line whose parent is not the record before it (" + line.path("__parentId").asText("no parent")
                + "): the result is not grouped, so the sync stops.", 200, null);
    }

    @Override
    public void close() {
        if (download != null) {
            download.close();
        }
        if (delegate != null) {
            delegate.close();
        }
    }
}
