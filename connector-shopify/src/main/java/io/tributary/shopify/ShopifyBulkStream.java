package io.tributary.shopify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.HttpDownload;
import io.tributary.http.Json;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.EntityType;
import io.tributary.spi.FailureKind;
import io.tributary.spi.Quarantine;
import io.tributary.spi.ReadNotReadyException;
import io.tributary.spi.RecordPage;
import io.tributary.spi.RecordStream;
import io.tributary.spi.SourceRecord;
import io.tributary.spi.SyncCursor;
import java.io.IOException;
import java.time.Clock;
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
 * A full read through a bulk query operation: starts it (children grouped after their parent), polls its status on
 * the sync's own thread for a short while (every 0.2 s at first, then less often, up to every 5 s, for at most the
 * connection's {@code bulk-wait}, 15 s by default), and streams the JSONL result line by line — one record with its
 * variants or lines in memory at a time, pages of {@value #PAGE} records. Pages carry the start cursor until the
 * last, which carries the operation's creation time: everything updated before it is in the file, and the next
 * incremental read starts there (minus the lookback).
 *
 * <p>An export still running after that short wait does not hold the thread: the first call of {@link #nextPage()}
 * throws {@link ReadNotReadyException} naming the operation ({@link Resume}), and the host's next run continues the
 * read with it — it asks Shopify for that very operation ({@code bulkOperation(id:)}) rather than start a second one,
 * and uses it only if its query is this entity's bulk query. The operation's id is handed over rather than looked up
 * ({@code bulkOperations(query: "created_at:>…")}) because "started after this read began" would compare Shopify's
 * clock with Tributary's. After {@link #LONGEST_WAIT} from when the read began (on Tributary's clock, across runs),
 * the read gives up on the export. A run that fails midway starts a new operation.
 *
 * <p>Where a bulk operation cannot run — Shopify refuses to start one (another is running, the token may not), it
 * ends FAILED, CANCELED or EXPIRED, or it has not finished within {@link #LONGEST_WAIT} — the read falls back to paged
 * queries and says so in the log and in the run ({@link #notices()}; the paged read then fails as FORBIDDEN if the
 * app may not read the entity at all). An operation that ends with ACCESS_DENIED fails the read as FORBIDDEN.
 *
 * <p>A record the mappers refuse is set aside ({@link Quarantine}) and the rest of the page stored: a variant alone,
 * an order with its lines. A root line without a readable id is set aside with the lines that follow it (the file is
 * grouped: children follow their parent), named by its title or name and by the parent those lines name. A line that
 * is not JSON, or a child naming another parent than the record before it, still stops the read.
 */
final class ShopifyBulkStream implements RecordStream {
    static final int PAGE = 250;
    private static final Logger log = LoggerFactory.getLogger(ShopifyBulkStream.class);
    private static final Duration FIRST_POLL = Duration.ofMillis(200);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(5);
    /** How long a sync waits for an export, across runs, before it reads page by page instead. */
    static final Duration LONGEST_WAIT = Duration.ofHours(3);
    /** How long a run polls an export on its own thread before it hands the thread back, unless the connection says. */
    static final Duration IN_THREAD_WAIT = Duration.ofSeconds(15);
    /** The longest a waiting read asks to be left alone: long exports are looked at every 5 minutes. */
    static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

    /** What a waiting read hands the next run: the operation's id and when the read asked for it (our clock). */
    record Resume(String operationId, Instant began) {
        private static final String SEPARATOR = " asked-at ";

        String token() {
            return operationId + SEPARATOR + began;
        }

        /** The resume of a token, or null when there is none or it is not one of ours. */
        static Resume parse(String token) {
            if (token == null || !token.startsWith("gid://shopify/BulkOperation/") || !token.contains(SEPARATOR)) {
                return null;
            }
            int at = token.indexOf(SEPARATOR);
            try {
                return new Resume(token.substring(0, at), Instant.parse(token.substring(at + SEPARATOR.length())));
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }

    private final ShopifyClient client;
    private final EntityType entity;
    private final String currency;
    private final Supplier<RecordStream> fallback;
    private final String label;
    private final Clock clock;
    private final Duration inThreadWait;
    private final Resume resume;
    private RecordStream delegate;
    private HttpDownload download;
    private Instant createdAt;
    private JsonNode pending;
    private boolean done;
    private final List<String> notices = new ArrayList<>();
    private final Quarantine quarantine = new Quarantine();

    /**
     * @param resumeWith what the last run of this read left ({@link Resume#token()}), or null for a read anew
     */
    ShopifyBulkStream(ShopifyClient client, EntityType entity, String currency, Supplier<RecordStream> fallback,
            String label, Clock clock, Duration inThreadWait, String resumeWith) {
        this.client = requireNonNull(client, "client is null");
        this.entity = requireNonNull(entity, "entity is null");
        this.currency = currency;
        this.fallback = requireNonNull(fallback, "fallback is null");
        this.label = requireNonNull(label, "label is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.inThreadWait = requireNonNull(inThreadWait, "inThreadWait is null");
        this.resume = Resume.parse(resumeWith);
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
        return Optional.of(new RecordPage(records, done ? SyncCursor.of(createdAt, null) : SyncCursor.START)
                .withRejected(quarantine.drain()));
    }

    private String bulkQuery() {
        return entity == EntityType.PRODUCTS ? ShopifyQueries.BULK_PRODUCTS : ShopifyQueries.BULK_ORDERS;
    }

    /**
     * Takes up the operation the last run left, or starts one, and waits a short while for it; true when there is a
     * file to read, false when the read fell back to pages.
     *
     * @throws ReadNotReadyException when the operation is still running after the short wait
     */
    private boolean run() {
        String noun = entity.cliName();
        String id = null;
        Instant began = null;
        JsonNode operation = null;
        if (resume != null) {
            operation = status(resume.operationId());
            if (operation.path("id").isTextual() && sameQuery(operation.path("query").asText(""))) {
                id = resume.operationId();
                began = resume.began();
                log.info("{}: taking up Shopify's bulk export of {} ({}), asked for at {}.", label, noun, id, began);
            } else {
                log.info("{}: Shopify's bulk export {} is gone or exports something else; starting a new export of {}.",
                        label, resume.operationId(), noun);
                operation = null;
            }
        }
        if (id == null) {
            id = start();
            if (id == null) {
                return false;
            }
            began = clock.instant();
        }
        Duration interval = FIRST_POLL;
        Duration waited = Duration.ZERO;
        while (true) {
            if (operation == null) {
                operation = status(id);
            }
            String status = operation.path("status").asText("");
            switch (status) {
                case "CREATED", "RUNNING", "CANCELING" -> {
                    if (!clock.instant().isBefore(began.plus(LONGEST_WAIT))) {
                        return fallBack("Shopify's bulk export of " + noun + " did not finish within "
                                + LONGEST_WAIT.toHours() + " h");
                    }
                    if (waited.plus(interval).compareTo(inThreadWait) > 0) {
                        throw notReady(id, began, operation);
                    }
                    client.throttle().sleep(interval);
                    waited = waited.plus(interval);
                    interval = interval.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL
                            : interval.multipliedBy(2);
                    operation = null;
                }
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

    /** Starts the operation; its id, or null when Shopify refused and the read fell back to pages. */
    private String start() {
        String noun = entity.cliName();
        ShopifyAnswer started = client.query(ShopifyQueries.BULK_START, Json.mapper().createObjectNode().put("query",
                bulkQuery()), 10, "starting a bulk export of " + noun);
        if (started.hasErrors()) { // e.g. a token that may not run bulk operations: the pages say if it may read
            fallBack("Shopify refused to start a bulk export of " + noun + " (\""
                    + String.join(" ", started.messages(null)) + "\")");
            return null;
        }
        JsonNode payload = started.data().path("bulkOperationRunQuery");
        JsonNode userErrors = payload.path("userErrors");
        if (userErrors.size() > 0 || !payload.path("bulkOperation").path("id").isTextual()) {
            fallBack("Shopify refused to start a bulk export of " + noun + " (\""
                    + userErrors.path(0).path("message").asText("no operation id") + "\")");
            return null;
        }
        return payload.path("bulkOperation").path("id").asText();
    }

    /** The operation as Shopify describes it now; a missing node when Shopify knows no such operation. */
    private JsonNode status(String id) {
        return client.data(ShopifyQueries.BULK_STATUS, Json.mapper().createObjectNode().put("id", id), 1,
                "asking how the bulk export of " + entity.cliName() + " is doing").path("bulkOperation");
    }

    /** Whether an operation's query is this entity's bulk query (Shopify may lay the text out its own way). */
    private boolean sameQuery(String query) {
        return query.replaceAll("\\s+", "").equals(bulkQuery().replaceAll("\\s+", ""));
    }

    /**
     * The signal that hands the thread back: look again after a quarter of the time the export has taken so far
     * (at least the in-thread wait, at least a second, at most {@link #LONGEST_RETRY}).
     */
    private ReadNotReadyException notReady(String id, Instant began, JsonNode operation) {
        Duration running = Duration.between(began, clock.instant());
        Duration after = running.dividedBy(4);
        Duration least = inThreadWait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : inThreadWait;
        after = after.compareTo(least) < 0 ? least : after.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : after;
        String objects = operation.path("objectCount").asText("0");
        String reason = "Shopify is still preparing the bulk export of " + entity.cliName() + " ("
                + operation.path("status").asText("") + ", " + objects + " objects so far, asked for "
                + Math.max(0, running.toMinutes()) + " min ago).";
        log.info("{}: {} The run hands its thread back and looks again in {} s.", label, reason, after.toSeconds());
        return new ReadNotReadyException(after, reason, new Resume(id, began).token());
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
        if (line == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            // not one record that cannot be read but a file that cannot: which record the line held is unknown
            throw new ConnectorException(FailureKind.SERVER_ERROR, "Shopify's bulk result for " + entity.cliName()
                    + " has a line that is not JSON (" + io.tributary.http.Excerpt.of(line, 80) + "); the next run "
                    + "starts a new export.", 200, notJson);
        }
    }

    /**
     * A root line and the children that follow it, mapped (the unreadable set aside); leaves the next root in
     * {@link #pending}.
     */
    private List<SourceRecord> readRoot(JsonNode root) throws IOException {
        if (root.hasNonNull("__parentId")) {
            throw notGrouped(root);
        }
        boolean products = entity == EntityType.PRODUCTS;
        String type = products ? "Product" : "Order";
        String id = ShopifyIds.readable(root, type);
        String parent = id; // the parent the children name: the root's id, or, when it has none, the first child's say
        List<JsonNode> children = new ArrayList<>();
        for (JsonNode line = next(); line != null; line = next()) {
            if (!line.hasNonNull("__parentId")) {
                pending = line;
                break;
            }
            String named = line.path("__parentId").asText();
            if (parent != null && !named.equals(parent)) {
                throw notGrouped(line);
            }
            parent = named;
            ((com.fasterxml.jackson.databind.node.ObjectNode) line).remove("__parentId");
            children.add(line);
        }
        List<SourceRecord> records = new ArrayList<>(children.size() + 1);
        if (id == null) {
            String sentence = ShopifyIds.withoutId(root, type, parent);
            quarantine.map(records, () -> { throw new IllegalArgumentException(sentence); }, () -> null,
                    () -> ShopifyNested.withChildren(root, products, children));
        } else if (products) {
            quarantine.map(records, () -> ShopifyProductMapper.product(root, currency), () -> id, root::toString);
            for (JsonNode v : children) {
                quarantine.map(records, () -> ShopifyProductMapper.variant(v, root, currency),
                        () -> ShopifyIds.gid(v, "ProductVariant"), v::toString);
            }
        } else {
            quarantine.map(records, () -> ShopifyOrderMapper.order(root, children), () -> id,
                    () -> ShopifyNested.withChildren(root, false, children));
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
