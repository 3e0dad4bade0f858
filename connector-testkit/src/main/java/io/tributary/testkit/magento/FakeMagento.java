package io.tributary.testkit.magento;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testkit.FakeSystem;
import io.tributary.testkit.ShopBuilder;
import io.tributary.time.MutableClock;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A fake Magento 2 / Adobe Commerce shop on a real socket: the REST web API ({@code /rest[/<store>]/V1}, also
 * behind {@code /index.php}) for store configs, products, orders and customers, with Magento's {@code searchCriteria}
 * filters, sorting and paging (a page past the end repeats the last one), its authentication (admin tokens
 * with lockout and 2FA, OAuth 1.0a integrations, integration tokens as bearer tokens when allowed), per-route
 * ACL resources and its {@code {"message", "parameters"}} errors, over a seeded catalogue that is the same for
 * the same seed. Tests edit the shop, move its clocks, break the connection and read back the truth.
 *
 * <pre>{@code
 * try (FakeMagento shop = FakeMagento.builder().products(300).orders(200).seed(42).start()) {
 *     URI api = shop.apiUrl();                  // http://127.0.0.1:PORT/rest/V1
 *     MagentoIntegration keys = shop.integration();
 *     shop.editProduct(id, p -> p.price("13.50"));
 * }
 * }</pre>
 */
public final class FakeMagento extends FakeSystem {

    /** ACL resources of the routes: store configuration, catalogue, sales, customers. */
    public static final String STORES_RESOURCE = MagentoRestApi.STORES;
    public static final String PRODUCTS_RESOURCE = MagentoRestApi.PRODUCTS;
    public static final String ORDERS_RESOURCE = MagentoRestApi.ORDERS;
    public static final String CUSTOMERS_RESOURCE = MagentoRestApi.CUSTOMERS;
    public static final String COMMENTS_RESOURCE = MagentoRestApi.COMMENTS;

    /** Site-wide knobs the request handler reads. */
    static final class Site {
        volatile boolean htmlEverywhere;
    }

    private final Site site = new Site();
    private final MagentoCatalogue catalogue;
    private final MagentoAuthenticator auth;
    private final MagentoRecords records;
    private final MagentoRestApi api;
    private final List<MagentoStore> stores;
    private final MagentoIntegration integration;
    private final String adminUsername;
    private final String adminPassword;

    private FakeMagento(Builder builder, ShopBuilder.Seeding seeding) {
        super(MutableClock.startingAt(seeding.clockStart()), seeding.tlsAuthority());
        this.catalogue = new MagentoCatalogue(clock(), seeding.editTick());
        new MagentoSeeder(seeding.seed(), catalogue).seed(seeding.products(), seeding.orders());
        catalogue.run(() -> MagentoCustomers.seed(seeding.seed(), catalogue)); // after, on a stream of its own
        this.auth = new MagentoAuthenticator(seeding.authClock(), seeding.seed());
        this.integration = new MagentoIntegration(auth.randomToken(), auth.randomToken(), auth.randomToken(),
                auth.randomToken());
        auth.addIntegration(integration, null, true);
        this.adminUsername = "tributary-api";
        this.adminPassword = "Pw-" + auth.randomToken().substring(0, 12) + "!é";
        auth.addAdmin(new MagentoAuthenticator.AdminUser(adminUsername, adminPassword, null));
        this.records = new MagentoRecords(builder.legacyFloatPrecision);
        List<MagentoStore> stores = List.of(
                new MagentoStore(1, "default", "Café Lumière", 1, "fr_FR", "EUR", "Europe/Paris"),
                new MagentoStore(2, "de", "Café Lumière Deutschland", 1, "de_DE", "EUR", "Europe/Berlin"));
        this.stores = stores;
        this.api = new MagentoRestApi(site, catalogue, auth, records, stores);
        serve(api::handle);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- where it is ----

    /** {@code http://127.0.0.1:PORT/rest/V1}: the REST base an admin would paste. */
    public URI apiUrl() {
        return baseUrl().resolve("rest/V1");
    }

    /** {@code http://127.0.0.1:PORT/rest/<storeCode>/V1}. */
    public URI apiUrl(String storeCode) {
        return baseUrl().resolve("rest/" + storeCode + "/V1");
    }

    /** {@code http://127.0.0.1:PORT/index.php/rest/V1}, as on a server without URL rewrites. */
    public URI indexPhpApiUrl() {
        return baseUrl().resolve("index.php/rest/V1");
    }

    // ---- credentials ----

    /** The integration made at start: active, with access to every resource. */
    public MagentoIntegration integration() {
        return integration;
    }

    /** Adds another active integration allowed only the given ACL resources (null: all). */
    public MagentoIntegration addIntegration(Set<String> resources) {
        MagentoIntegration added = new MagentoIntegration(auth.randomToken(), auth.randomToken(), auth.randomToken(),
                auth.randomToken());
        auth.addIntegration(added, resources, true);
        return added;
    }

    /** Adds an integration that was created but never activated (or was deactivated). */
    public MagentoIntegration addInactiveIntegration() {
        MagentoIntegration added = new MagentoIntegration(auth.randomToken(), auth.randomToken(), auth.randomToken(),
                auth.randomToken());
        auth.addIntegration(added, null, false);
        return added;
    }

    /** The admin user made at start, in the Administrators role. */
    public String adminUsername() {
        return adminUsername;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** Adds an admin user whose role has only the given ACL resources (null: all). */
    public void addAdmin(String username, String password, Set<String> resources) {
        auth.addAdmin(new MagentoAuthenticator.AdminUser(username, password,
                resources == null ? null : Set.copyOf(resources)));
    }

    /** Failed sign-ins Magento counts against a user now; at 6 the account is locked for 30 minutes. */
    public int adminFailures(String username) {
        return auth.failures(username);
    }

    /** Forgets every issued admin token, as when they expire or the user is saved: they answer 401. */
    public void revokeAdminTokens() {
        auth.revokeAdminTokens();
    }

    // ---- knobs ----

    /** What two-factor authentication does to the admin token request; default {@link TwoFactorMode#OFF}. */
    public FakeMagento twoFactor(TwoFactorMode mode) {
        auth.twoFactor = requireNonNull(mode, "mode is null");
        return this;
    }

    /** "Allow OAuth Access Tokens to be used as standalone Bearer tokens"; default off, as since 2.4.4. */
    public FakeMagento bearerIntegrationTokens(boolean allowed) {
        auth.bearerIntegrationTokens = allowed;
        return this;
    }

    /** Takes an ACL resource away from every caller, e.g. {@link #ORDERS_RESOURCE}. */
    public FakeMagento denyResource(String resource) {
        api.deniedResources.add(requireNonNull(resource, "resource is null"));
        return this;
    }

    /** Every URL answers 200 with an HTML sign-in page, as a portal or a proxy in front of the shop would. */
    public FakeMagento htmlEverywhere(boolean value) {
        site.htmlEverywhere = value;
        return this;
    }

    // ---- the truth ----

    /** The product as one item of {@code GET /V1/products} shows it now. */
    public JsonNode product(int id) {
        return catalogue.read(() -> records.product(catalogue.product(id), false, 0));
    }

    public JsonNode order(int id) {
        return catalogue.read(() -> records.order(catalogue.order(id)));
    }

    /** Every product id, children of configurables included, ascending. */
    public List<Integer> productIds() {
        return catalogue.read(() -> List.copyOf(catalogue.products().keySet()));
    }

    public List<Integer> orderIds() {
        return catalogue.read(() -> List.copyOf(catalogue.orders().keySet()));
    }

    /** Every customer account id, ascending. */
    public List<Integer> customerIds() {
        return catalogue.read(() -> List.copyOf(catalogue.customers().keySet()));
    }

    /** The customer as one item of {@code GET /V1/customers/search} shows it now. */
    public JsonNode customer(int id) {
        return catalogue.read(() -> MagentoCustomers.json(catalogue.customer(id), stores));
    }

    /** The children of a configurable product; empty for other products. */
    public List<Integer> childIds(int productId) {
        return catalogue.read(() -> List.copyOf(catalogue.product(productId).childIds));
    }

    /** The configurable products a product is a child of, ascending. */
    public List<Integer> parentIds(int productId) {
        return catalogue.read(() -> catalogue.parentsOf(productId));
    }

    /** The stock the single-product route reports (list answers carry none, as in Magento). */
    static int stockOf(int productId) {
        return Math.floorMod(productId * 37, 120);
    }

    // ---- mutations ----

    /** Edits a product and saves it: its {@code updated_at} becomes the shop clock's now. */
    public void editProduct(int id, Consumer<ProductEdit> edit) {
        catalogue.run(() -> {
            MagentoProduct product = catalogue.product(id);
            edit.accept(new ProductEdit(product));
            product.updatedAt = catalogue.stamp();
        });
    }

    /** Edits an order and saves it: its {@code updated_at} becomes the shop clock's now. */
    public void editOrder(int id, Consumer<OrderEdit> edit) {
        catalogue.run(() -> {
            MagentoOrder order = catalogue.order(id);
            edit.accept(new OrderEdit(order));
            order.updatedAt = catalogue.stamp();
        });
    }

    /** Edits a customer account and saves it: its {@code updated_at} becomes the shop clock's now. */
    public void editCustomer(int id, Consumer<CustomerEdit> edit) {
        catalogue.run(() -> {
            MagentoCustomer customer = catalogue.customer(id);
            edit.accept(new CustomerEdit(catalogue, customer));
            customer.updatedAt = catalogue.stamp();
        });
    }

    /**
     * Registers a customer now (it has no orders), with one default address carrying {@code telephone} (null: no
     * address); returns its id.
     */
    public int addCustomer(String email, String firstname, String lastname, String telephone) {
        return catalogue.write(() -> MagentoCustomers.add(catalogue, email, firstname, lastname, telephone,
                catalogue.stamp()));
    }

    /**
     * Serves customer {@code id} damaged by {@code damage} from now on (its JSON after the fake built it: a field of
     * the wrong type, an unreadable date), as an extension or a bad import leaves a record.
     */
    public void damageCustomer(int id, Consumer<com.fasterxml.jackson.databind.node.ObjectNode> damage) {
        catalogue.run(() -> catalogue.customer(id).damage = damage);
    }

    /** Deletes a customer account for good (its orders stay, as guest-like orders naming its id). */
    public void deleteCustomer(int id) {
        catalogue.run(() -> {
            catalogue.customer(id);
            catalogue.customers().remove(id);
        });
    }

    /** Links an existing simple product as a new child of a configurable product, saving the configurable only. */
    public void linkChild(int configurableId, int childId) {
        catalogue.run(() -> {
            MagentoProduct parent = catalogue.product(configurableId);
            if (!parent.isConfigurable()) {
                throw new IllegalArgumentException("product " + configurableId + " is not configurable");
            }
            parent.childIds.add(childId);
            parent.updatedAt = catalogue.stamp();
        });
    }

    /** Unlinks a child from a configurable product (the child stays in the catalogue), saving the configurable only. */
    public void unlinkChild(int configurableId, int childId) {
        catalogue.run(() -> {
            MagentoProduct parent = catalogue.product(configurableId);
            if (!parent.childIds.remove(Integer.valueOf(childId))) {
                throw new IllegalArgumentException("product " + childId + " is no child of " + configurableId);
            }
            parent.updatedAt = catalogue.stamp();
        });
    }

    /**
     * Deletes a product for good, as the admin does: it answers 404 and leaves every list; configurable products
     * that had it as a child no longer link it (Magento removes the link rows with the product).
     */
    public void deleteProduct(int id) {
        catalogue.run(() -> {
            catalogue.product(id);
            catalogue.products().remove(id);
            catalogue.products().values().forEach(p -> p.childIds.remove(Integer.valueOf(id)));
        });
    }

    /** Lets a comment set {@code status} on orders in {@code state} (Stores > Order Status > Assign to state). */
    public FakeMagento assignStatus(String status, String state) {
        api.statusesOfState.merge(state, Set.of(status), (a, b) -> {
            Set<String> both = new java.util.HashSet<>(a);
            both.addAll(b);
            return Set.copyOf(both);
        });
        return this;
    }

    /** The comments added to order {@code id}, oldest first, each as {comment, status it carried once applied}. */
    public List<String[]> comments(int id) {
        return catalogue.read(() -> List.copyOf(catalogue.order(id).comments));
    }

    /** Deletes an order for good (Magento's admin can, though shops seldom do): it leaves every list. */
    public void deleteOrder(int id) {
        catalogue.run(() -> {
            catalogue.order(id);
            catalogue.orders().remove(id);
        });
    }

    /** Adds an enabled simple product created now; returns its id. */
    public int addSimpleProduct(String name, String price) {
        return catalogue.write(() -> MagentoNewRecords.addSimpleProduct(catalogue, name, new BigDecimal(price)));
    }

    /** Adds a new order (state new, status pending) created now for one unit of each product; returns its id. */
    public int addOrder(List<Integer> productIds) {
        return catalogue.write(() -> MagentoNewRecords.addOrder(catalogue, productIds));
    }

    /** Settings of a fake shop; everything has a default. */
    public static final class Builder extends ShopBuilder<Builder> {
        private boolean legacyFloatPrecision;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Amounts printed as PHP does with the legacy {@code serialize_precision = 17}: {@code 29.9} becomes
         * {@code 29.899999999999999}. Default off (PHP 7.1+ prints the shortest form).
         */
        public Builder legacyFloatPrecision(boolean value) {
            this.legacyFloatPrecision = value;
            return this;
        }

        public FakeMagento start() {
            return new FakeMagento(this, seeding());
        }
    }
}
