package io.tributary.testkit.woocommerce;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.testkit.FakeSystem;
import io.tributary.testkit.ShopBuilder;
import io.tributary.time.MutableClock;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * A fake WooCommerce shop on a real socket: the {@code wc/v3} REST API for products, variations
 * and orders with WooCommerce's paging, filters, authentication and errors, over a seeded
 * catalogue that is the same for the same seed. Tests edit the shop, move its clock, break the
 * connection and read back the truth to compare with what a sync stored.
 *
 * <pre>{@code
 * try (FakeWooCommerce shop = FakeWooCommerce.builder().products(2000).orders(3000).seed(42).start()) {
 *     URI api = shop.apiUrl();              // http://127.0.0.1:PORT/wp-json/wc/v3
 *     shop.editProduct(id, p -> p.regularPrice("13.00"));
 *     shop.faults().inject(Fault.status(503).withRetryAfter(Duration.ofSeconds(2)), 1);
 * }
 * }</pre>
 */
public final class FakeWooCommerce extends FakeSystem {

    private final WooSite site;
    private final WooCatalogue catalogue;
    private final WooKeyring keyring;
    private final WooMutations mutations;
    private final WooEndpoints endpoints;
    private final WooProductJson productJson;
    private final WooOrderJson orderJson;
    private final ApiKey defaultKey;
    private final WooSeedSummary summary;
    private final WooCustomers customers;

    private FakeWooCommerce(Builder builder, ShopBuilder.Seeding seeding) {
        super(MutableClock.startingAt(seeding.clockStart()), seeding.tlsAuthority());
        WooTime time = new WooTime(builder.siteZone);
        this.catalogue = new WooCatalogue(time, clock(), seeding.editTick());
        WooProductFactory productFactory = new WooProductFactory();
        WooOrderFactory orderFactory = new WooOrderFactory();
        new WooSeeder(seeding.seed(), catalogue, productFactory, orderFactory).seed(seeding.products(), seeding.orders());
        this.customers = new WooCustomers(time);
        catalogue.run(() -> customers.seed(catalogue));
        this.mutations = new WooMutations(catalogue, productFactory, orderFactory, seeding.seed());
        this.keyring = new WooKeyring();
        this.defaultKey = builder.defaultKey != null ? builder.defaultKey : ApiKey.generated(seeding.seed());
        keyring.add(defaultKey);
        this.summary = WooSeedStatistics.summarize(catalogue);

        // The home URL is the server's own address unless the builder names another.
        String home = builder.homeUrl != null ? builder.homeUrl.toString() : baseUrl().toString();
        this.site = new WooSite(home.endsWith("/") ? home : home + "/", WooVersion.parse(builder.wooVersion));
        site.ssl = builder.ssl || seeding.tlsAuthority() != null; // a real TLS front is what is_ssl() sees
        this.productJson = new WooProductJson(site.homeUrl());
        this.orderJson = new WooOrderJson(site.homeUrl(), builder.wooVersion, time);
        WooEndpoints endpoints = new WooEndpoints(site, catalogue, productJson, orderJson);
        endpoints.statusSaver = (id, status) -> mutations.editOrder(id, edit -> edit.status(status));
        endpoints.customers = customers;
        this.endpoints = endpoints;
        serve(new WooRestApi(site, catalogue, new WooAuthenticator(keyring, seeding.authClock()), endpoints)::handle);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- where it is ----

    /** The WordPress home URL the client connects to, {@code http://127.0.0.1:PORT/}. */
    public URI siteUrl() {
        return baseUrl();
    }

    /** {@code siteUrl() + "wp-json/wc/v3"}. */
    public URI apiUrl() {
        return baseUrl().resolve("wp-json/wc/v3");
    }

    /** The home URL WordPress believes it has; it signs OAuth and builds links. Usually {@link #siteUrl()}. */
    public URI homeUrl() {
        return URI.create(site.homeUrl());
    }

    public WooSeedSummary seedSummary() {
        return summary;
    }

    // ---- keys ----

    public String consumerKey() {
        return defaultKey.consumerKey();
    }

    public String consumerSecret() {
        return defaultKey.consumerSecret();
    }

    /** The key made at start: read_write, owned by a shop manager. */
    public ApiKey defaultKey() {
        return defaultKey;
    }

    /** Adds a key whose user is a shop manager or a user who can only read products and orders. */
    public ApiKey addKey(String consumerKey, String consumerSecret, KeyPermission permission, boolean manager) {
        return addKey(new ApiKey(consumerKey, consumerSecret, permission,
                manager ? WooUserRole.SHOP_MANAGER : WooUserRole.READER));
    }

    public ApiKey addKey(ApiKey key) {
        keyring.add(requireNonNull(key, "key is null"));
        return key;
    }

    /** Changes the role of a key's user, e.g. to {@link WooUserRole#CUSTOMER} so lists answer 403. */
    public void userRole(String consumerKey, WooUserRole role) {
        ApiKey key = keyring.find(consumerKey).orElseThrow(() -> new IllegalArgumentException("no key " + consumerKey));
        keyring.replace(new ApiKey(key.consumerKey(), key.consumerSecret(), key.permission(), role));
    }

    // ---- site knobs ----

    /** Whether WordPress believes the request came over HTTPS ({@code is_ssl()}), as behind a TLS proxy. */
    public FakeWooCommerce ssl(boolean value) {
        site.ssl = value;
        return this;
    }

    public boolean isSsl() {
        return site.ssl;
    }

    /** Drops the Authorization header before WordPress sees it, like a misconfigured Apache/CGI. */
    public FakeWooCommerce stripAuthorizationHeader(boolean value) {
        site.stripAuthorizationHeader = value;
        return this;
    }

    /** Every URL answers 200 with a WordPress login page. */
    /**
     * Leaves the routes' {@code args} out of the API indexes, as security plugins do for callers that are not
     * logged in; the routes still take them.
     */
    public FakeWooCommerce indexHidesArguments(boolean value) {
        site.indexHidesArguments = value;
        return this;
    }

    /**
     * Ignores {@code dates_are_gmt} (true): date filters are compared with the local {@code post_modified}, as on a
     * shop whose plugin rebuilds the date query without it. A UTC value without a zone is then read as local time.
     */
    public FakeWooCommerce ignoreDatesAreGmt(boolean value) {
        site.ignoresDatesAreGmt = value;
        return this;
    }

    /**
     * Answers 401 {@code rest_login_required} to every REST request without credentials, the root and
     * {@code wc/v3} indexes included, as a plugin restricting the REST API to logged-in users does: the site's time
     * zone and the routes' arguments are then unknown to a caller.
     */
    public FakeWooCommerce restForLoggedInUsersOnly(boolean value) {
        site.restForLoggedInUsersOnly = value;
        return this;
    }

    /** How many records the list answers of a collection ({@code products}, {@code orders}…) carried so far. */
    public long listed(String collection) {
        return site.listed(collection);
    }

    public FakeWooCommerce htmlLoginPage(boolean value) {
        site.htmlLoginPage = value;
        return this;
    }

    /** WordPress answers, but the WooCommerce plugin is off: {@code wc/*} routes are 404 {@code rest_no_route}. */
    public FakeWooCommerce wooCommerceInactive(boolean value) {
        site.wooCommerceInactive = value;
        return this;
    }

    /** The WooCommerce version; below 5.8 {@code modified_after}/{@code modified_before} do not exist. */
    public FakeWooCommerce wooVersion(String version) {
        site.version(WooVersion.parse(version));
        return this;
    }

    public String wooVersion() {
        return site.version().text();
    }

    // ---- the truth ----

    /** The product as {@code GET /products/{id}} shows it now. */
    public JsonNode product(int id) {
        return catalogue.read(() -> productJson.product(require(catalogue.products().get(id), "product", id)));
    }

    public JsonNode variation(int productId, int variationId) {
        return catalogue.read(() -> {
            WooVariation variation = catalogue.variations().get(variationId);
            if (variation == null || variation.parentId != productId) {
                throw new IllegalArgumentException("product " + productId + " has no variation " + variationId);
            }
            return productJson.variation(variation, catalogue.products().get(productId));
        });
    }

    public JsonNode order(int id) {
        return catalogue.read(() -> orderJson.order(require(catalogue.orders().get(id), "order", id)));
    }

    /** Ids of every product, whatever its status, ascending. */
    public List<Integer> productIds() {
        return catalogue.read(() -> catalogue.products().values().stream().map(p -> p.id).toList());
    }

    public List<Integer> variationIds(int productId) {
        return catalogue.read(() -> List.copyOf(require(catalogue.products().get(productId), "product", productId).variationIds));
    }

    public List<Integer> orderIds() {
        return catalogue.read(() -> catalogue.orders().values().stream().map(o -> o.id).toList());
    }

    /** Ids of every registered customer, ascending. */
    public List<Integer> customerIds() {
        return catalogue.read(() -> customers.all().stream().map(c -> c.id).toList());
    }

    /** The customer as {@code GET /customers} lists it now. */
    public JsonNode customer(int id) {
        return catalogue.read(() -> customers.json(require(customers.get(id), "customer", id), site.homeUrl()));
    }

    /** Registers a customer now (it has no orders); returns its id. */
    public int addCustomer(String email, String firstName, String lastName, String phone) {
        return catalogue.write(() -> customers.add(email, firstName, lastName, phone, catalogue.stamp()));
    }

    /** Deletes a customer account (its orders stay, as in WooCommerce). */
    public void deleteCustomer(int id) {
        catalogue.run(() -> customers.delete(id));
    }

    private static <T> T require(T value, String kind, int id) {
        if (value == null) {
            throw new IllegalArgumentException("no " + kind + " " + id);
        }
        return value;
    }

    // ---- mutations ----

    /** Edits a product and saves it: its {@code date_modified} becomes the shop clock's now. */
    public void editProduct(int id, Consumer<ProductEdit> edit) {
        mutations.editProduct(id, edit, true);
    }

    /**
     * Edits a product without touching {@code date_modified}, as happens when an order reduces
     * stock (woocommerce/woocommerce#40060): incremental syncs cannot see it.
     */
    public void editProductKeepingModifiedDate(int id, Consumer<ProductEdit> edit) {
        mutations.editProduct(id, edit, false);
    }

    /** Edits and saves a variation; its parent is saved too and gets the same {@code date_modified}. */
    public void editVariation(int productId, int variationId, Consumer<VariationEdit> edit) {
        mutations.editVariation(productId, variationId, edit, true);
    }

    /**
     * Edits a variation without its product's modification time moving, as an import or a stock plugin that writes
     * the variation alone leaves it: only the variation says it changed.
     */
    public void editVariationAlone(int productId, int variationId, Consumer<VariationEdit> edit) {
        mutations.editVariationAlone(productId, variationId, edit);
    }

    /**
     * Serves product {@code id} damaged by {@code damage} from now on (its JSON after the fake built it: a field
     * of the wrong type, a null, an absurd value), as a buggy plugin or a bad import leaves a record.
     */
    public void damageProduct(int id, Consumer<ObjectNode> damage) {
        productJson.damage.put(id, damage);
    }

    /** As {@link #damageProduct}, for order {@code id}. */
    public void damageOrder(int id, Consumer<ObjectNode> damage) {
        orderJson.damage.put(id, damage);
    }

    /**
     * From now on, a {@code PUT orders/{id}} moving an order from status {@code from} to {@code to} is refused with
     * 400, as a plugin guarding the shop's order workflow does.
     */
    public FakeWooCommerce forbidStatusTransition(String from, String to) {
        endpoints.forbiddenTransitions.add(from + ">" + to);
        return this;
    }

    public void editOrder(int id, Consumer<OrderEdit> edit) {
        mutations.editOrder(id, edit);
    }

    /** Adds a published simple product created now; returns its id. */
    public int addSimpleProduct(Consumer<ProductEdit> init) {
        return mutations.addSimpleProduct(init);
    }

    /** Adds a published variable product with 1–4 variations created now; returns its id. */
    public int addVariableProduct(int variations, Consumer<ProductEdit> init) {
        return mutations.addVariableProduct(variations, init);
    }

    /** Adds an order (status processing unless the init changes it) created now; returns its id. */
    public int addOrder(List<OrderLine> lines, Consumer<OrderEdit> init) {
        return mutations.addOrder(lines, init);
    }

    /** Deletes a product for good ({@code force=true}): it and its variations answer 404. */
    public void deleteProduct(int id) {
        mutations.deleteProduct(id);
    }

    /** Settings of a fake shop; everything has a default. */
    public static final class Builder extends ShopBuilder<Builder> {
        private String wooVersion = "9.4.2";
        private boolean ssl;
        private URI homeUrl;
        private ApiKey defaultKey;
        private ZoneId siteZone = ZoneId.of("Europe/Paris");

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Default 9.4.2. */
        public Builder wooVersion(String version) {
            WooVersion.parse(version);
            this.wooVersion = version;
            return this;
        }

        /** Whether WordPress believes requests are HTTPS; default false (OAuth 1.0a only). */
        public Builder ssl(boolean value) {
            this.ssl = value;
            return this;
        }

        /**
         * The home URL WordPress believes it has, when it must differ from the real address: for
         * byte-identical output across instances, or to make OAuth signatures over the real
         * address fail as on a site whose URL setting does not match (www or not).
         */
        public Builder homeUrl(URI url) {
            this.homeUrl = requireNonNull(url, "url is null");
            return this;
        }

        /**
         * The site's time zone, of the dates without {@code _gmt}; default Europe/Paris. A {@link java.time.ZoneOffset}
         * is a manual UTC offset (WordPress's "UTC+9"): no {@code timezone_string}, only {@code gmt_offset}.
         */
        public Builder siteZone(ZoneId zone) {
            this.siteZone = requireNonNull(zone, "zone is null");
            return this;
        }

        /** Replaces the key generated from the seed. */
        public Builder defaultKey(ApiKey key) {
            this.defaultKey = requireNonNull(key, "key is null");
            return this;
        }

        public FakeWooCommerce start() {
            return new FakeWooCommerce(this, seeding());
        }
    }
}
