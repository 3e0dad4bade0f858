package io.tributary.testkit.shopify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.time.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import mockwebserver3.MockWebServer;

/**
 * A fake Shopify shop on a real local socket (OkHttp's MockWebServer): the Admin GraphQL endpoint for the operations
 * Tributary sends, the client credentials grant, scoped and expiring tokens, the cost-based throttle, bulk query
 * operations with a JSONL download, and fault knobs. Seeded deterministically; edits stamp the fake's clock, which
 * stands still until a test moves it. What it leaves out is listed in {@code package-info.java}.
 */
public final class FakeShopify implements AutoCloseable {
    /** The API version the fake serves when asked for one it does not know ("falls forward"). */
    public static final String OLDEST_SUPPORTED = "2026-01";

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock;
    private final ShopifyCatalogue catalogue = new ShopifyCatalogue();
    private final ShopifyAccess access;
    private final ShopifyBucket bucket;
    private final ShopifyBulkOperations bulk;
    private final ShopifyFaults faults = new ShopifyFaults();
    private final List<ShopifyRequest> requests = new CopyOnWriteArrayList<>();
    private final String token;
    private final Set<String> knownVersions = Set.of("2026-01", "2026-04", "2026-07", "2026-10");
    private final String currency;
    private volatile boolean frozen;

    private FakeShopify(Builder b) {
        clock = MutableClock.startingAt(b.clockStart);
        access = new ShopifyAccess(clock);
        bucket = new ShopifyBucket(b.bucketSize, b.restoreRate);
        bulk = new ShopifyBulkOperations(clock);
        currency = b.currency;
        new ShopifySeeder(b.seed, b.clockStart).seed(catalogue, b.products, b.orders, currency);
        token = access.staticToken(ShopifyAccess.ALL_SCOPES);
        server.setDispatcher(new ShopifyDispatcher(this));
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the fake Shopify could not start", e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The shop's address, as a connection takes it (for a real shop, {@code https://<handle>.myshopify.com}). */
    public URI shopUrl() {
        return URI.create(baseUrl());
    }

    String baseUrl() {
        return server.url("/").toString();
    }

    /** An admin-created custom app's token with every scope the sync needs. */
    public String token() {
        return token;
    }

    /** A non-expiring token with just these scopes. */
    public String tokenWithScopes(Set<String> scopes) {
        return access.staticToken(scopes);
    }

    public String clientId() {
        return access.clientId();
    }

    public String clientSecret() {
        return access.clientSecret();
    }

    /** The scopes tokens minted by the client credentials grant carry. */
    public void appScopes(Set<String> scopes) {
        access.appScopes(scopes);
    }

    /** How long a token minted by the client credentials grant lives (Shopify: 86,399 s). */
    public void tokenLifetime(Duration lifetime) {
        access.lifetime(lifetime);
    }

    /** Tokens minted by the client credentials grant so far. */
    public int tokensIssued() {
        return access.issued();
    }

    public void revokeTokens() {
        access.revokeAll();
    }

    /** Sets the leaky bucket (full at once): its size and the points restored per second. */
    public void throttle(int bucketSize, int restoreRate) {
        bucket.resize(bucketSize, restoreRate);
    }

    /** Empties the bucket, as other traffic of the same app would. */
    public void drainBucket() {
        bucket.drain();
    }

    /** How long a bulk operation runs before it completes (wall time). */
    public void bulkDuration(Duration duration) {
        bulk.delay(duration);
    }

    /**
     * Holds every bulk operation RUNNING (true) until released (false), whatever {@link #bulkDuration}: a sync that
     * must hand its thread back and come again.
     */
    public void holdBulk(boolean held) {
        bulk.hold(held);
    }

    /** Bulk operations started from now on report RUNNING to their first {@code polls} status questions. */
    public void bulkRunsForPolls(int polls) {
        bulk.pollsNeeded(polls);
    }

    /** The next bulk start is refused with this user error ("already in progress", "access denied"). */
    public void refuseNextBulk(String message) {
        bulk.refuseNext(message);
    }

    /** The next bulk operation ends FAILED with this error code (ACCESS_DENIED, INTERNAL_SERVER_ERROR, TIMEOUT). */
    public void failNextBulk(String errorCode) {
        bulk.failNext(errorCode);
    }

    /** A frozen (unpaid) shop answers 402. */
    public void frozen(boolean value) {
        frozen = value;
    }

    public ShopifyFaults faults() {
        return faults;
    }

    public MutableClock clock() {
        return clock;
    }

    public List<ShopifyRequest> requests() {
        return List.copyOf(requests);
    }

    /** Requests for a GraphQL operation name or a path prefix. */
    public List<ShopifyRequest> requests(String match) {
        return requests.stream().filter(r -> r.operation().equals(match) || r.path().startsWith(match)).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    public List<ShopifyProduct> products() {
        return catalogue.products();
    }

    public List<ShopifyOrder> orders() {
        return catalogue.orders();
    }

    public ShopifyProduct product(long id) {
        return catalogue.product(id);
    }

    public ShopifyOrder order(long id) {
        return catalogue.order(id);
    }

    /**
     * Serves the product, variant, order or line item with this GID damaged by {@code damage} from now on, in paged
     * reads and in bulk exports started from now on (its JSON after the fake rendered it; a bulk child's
     * {@code __parentId} still names its parent's true GID), as a broken app or a bad import would leave it. A
     * damage that does nothing ({@code json -> { }}) mends it.
     */
    public void damage(String gid, Consumer<ObjectNode> damage) {
        catalogue.damage(requireNonNull(gid, "gid is null"), requireNonNull(damage, "damage is null"));
    }

    /** A product as a paged read serves it (damage included), every variant nested in {@code variants.nodes}. */
    public ObjectNode productJson(long id) {
        ShopifyProduct product = catalogue.product(id);
        ObjectNode node = catalogue.served(ShopifyJson.product(product));
        node.set("variants", ShopifyJson.connection(product.variants().stream()
                .map(v -> catalogue.served(ShopifyJson.variant(v))).toList(), false, null));
        return node;
    }

    /** An order as a paged read serves it (damage included), every line nested in {@code lineItems.nodes}. */
    public ObjectNode orderJson(long id) {
        ShopifyOrder order = catalogue.order(id);
        ObjectNode node = catalogue.served(ShopifyJson.order(order));
        node.set("lineItems", ShopifyJson.connection(order.lines().stream()
                .map(l -> catalogue.served(ShopifyJson.lineItem(l, order.currency()))).toList(), false, null));
        return node;
    }

    /** Deletes a product with its variants, as the admin does: it leaves every list and query. */
    public void deleteProduct(long id) {
        catalogue.remove(id);
    }

    /** Deletes an order, as the admin does (an archived or cancelled order stays; a deleted one leaves every query). */
    public void deleteOrder(long id) {
        catalogue.removeOrder(id);
    }

    /** Gives a product's first variant a new price, one second later on the fake's clock. */
    public ShopifyProduct reprice(long productId, BigDecimal price) {
        clock.advance(Duration.ofSeconds(1));
        return catalogue.reprice(productId, requireNonNull(price, "price is null"), clock.instant());
    }

    /** Changes an order's statuses, one second later on the fake's clock. */
    public ShopifyOrder restatus(long orderId, String financial, String fulfillment) {
        clock.advance(Duration.ofSeconds(1));
        return catalogue.restatus(orderId, financial, fulfillment, clock.instant());
    }

    public String name() {
        return "Café Lumière";
    }

    public String domain() {
        return "cafe-lumiere.myshopify.com";
    }

    public String currency() {
        return currency;
    }

    public String timezone() {
        return "Europe/Paris";
    }

    public String plan() {
        return "Grow";
    }

    String servedVersion(String asked) {
        return knownVersions.contains(asked) ? asked : OLDEST_SUPPORTED;
    }

    ShopifyCatalogue catalogue() {
        return catalogue;
    }

    ShopifyAccess access() {
        return access;
    }

    ShopifyBucket bucket() {
        return bucket;
    }

    ShopifyBulkOperations bulk() {
        return bulk;
    }

    boolean frozen() {
        return frozen;
    }

    void log(ShopifyRequest request) {
        requests.add(request);
    }

    @Override
    public void close() {
        server.close();
    }

    public static final class Builder {
        private int products = 40;
        private int orders = 60;
        private long seed = 7;
        private Instant clockStart = Instant.parse("2026-11-20T09:00:00Z");
        private int bucketSize = 2000;
        private int restoreRate = 100;
        private String currency = "EUR";

        private Builder() {}

        public Builder products(int value) { products = value; return this; }
        public Builder orders(int value) { orders = value; return this; }
        public Builder seed(long value) { seed = value; return this; }
        public Builder clockStart(Instant value) { clockStart = value; return this; }
        public Builder currency(String value) { currency = value; return this; }
        public Builder throttle(int size, int rate) { bucketSize = size; restoreRate = rate; return this; }

        public FakeShopify start() {
            return new FakeShopify(this);
        }
    }
}
