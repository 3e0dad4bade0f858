package io.tributary.daemon.cli;

import io.tributary.connection.ConnectionDraft;
import io.tributary.connection.ConnectionView;
import io.tributary.daemon.App;
import io.tributary.daemon.cli.render.OrderRenderer;
import io.tributary.daemon.cli.render.ProductRenderer;
import io.tributary.daemon.cli.render.SyncProgress;
import io.tributary.daemon.cli.render.SyncRunRenderer;
import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.spi.VerificationResult;
import io.tributary.sync.SyncRequest;
import io.tributary.sync.SyncService;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", description = "Start a sample shop (WooCommerce, or Shopify with --system shopify) on this "
        + "machine, register it as connection demo-shop (demo-shop-shopify for Shopify), verify it, sync its products "
        + "and orders, change a few records and sync again.")
final class DemoCommand extends CliCommand {
    static final String NAME = "demo-shop";
    static final String STORE = "demo";

    /**
     * The demo connection's name for {@code systemId}: names are unique within a store, so each system's sample shop
     * has its own and the demos can run one after another in one database.
     */
    static String connectionName(String systemId) {
        return systemId.equals("woocommerce") ? NAME : NAME + "-" + systemId;
    }

    @Option(names = "--products", defaultValue = "2000", description = "Products in the sample shop (default 2000).")
    int products;

    @Option(names = "--orders", defaultValue = "3000", description = "Orders in the sample shop (default 3000).")
    int orders;

    @Option(names = "--system", defaultValue = "woocommerce", description = "The sample shop's system: "
            + DemoShop.SYSTEMS + " (default woocommerce).")
    String system;

    @Mixin
    JsonOption json;

    private final List<SyncRun> runs = new java.util.ArrayList<>();

    @Option(names = "--serve", description = "Keep the sample shop running afterwards (until Ctrl-C), to try "
            + "`connection verify` and `sync` from another terminal.")
    boolean serve;

    @Override
    public Integer call() throws InterruptedException {
        if (products < 1 || products > 200_000 || orders < 1 || orders > 200_000) {
            throw new IllegalArgumentException("--products and --orders must be between 1 and 200000.");
        }
        // the sample shop is local: no need for the politeness limit meant for real shops
        App app = cli().app(config -> config.withRequestsPerSecond(2000));
        long started = System.nanoTime();
        try (DemoShop shop = DemoShop.start(system, products, orders)) {
            String systemId = shop.systemId();
            say("1. Started " + shop.describe() + ".");
            String name = connectionName(systemId);
            boolean again = !app.connections().list(systemId, STORE, null).stream()
                    .filter(c -> c.name().equals(name)).toList().isEmpty();
            ConnectionView connection = register(app, shop);
            say("2. Registered it as connection " + connection.id() + " (" + name + ", store " + STORE
                    + "; " + shop.credentialsNote() + ")." + (again ? " The database already holds this "
                    + "sample shop from an earlier demo and keeps its cursor, so the first sync reads only changes."
                    : ""));
            VerificationResult verified = app.verifier().verify(app.connections().settings(connection.id()));
            app.connections().recordVerification(connection.id(), verified.ok());
            say("3. Verified: " + (verified.ok() ? "OK" : "FAILED " + verified.kind()) + " in "
                    + verified.latencyMs() + " ms. " + verified.message());
            if (!verified.ok()) {
                return FAILED;
            }
            say("4. First sync:");
            SyncRun productRun = sync(app, connection.id(), EntityType.PRODUCTS);
            SyncRun orderRun = sync(app, connection.id(), EntityType.ORDERS);
            if (productRun.outcome() != SyncRun.Outcome.SUCCEEDED || orderRun.outcome() != SyncRun.Outcome.SUCCEEDED) {
                return FAILED;
            }
            say("5. Changed the shop: " + shop.change() + ". Second sync reads only that (and what the "
                    + "lookback re-reads):");
            sync(app, connection.id(), EntityType.PRODUCTS);
            sync(app, connection.id(), EntityType.ORDERS);
            say("6. In the central database now: " + app.records().count("product", connection.id())
                    + " products (" + shop.children() + " included) and " + app.records().count("orders", connection.id())
                    + " orders with " + app.records().count("order_line", connection.id()) + " lines. Newest:");
            if (!json.enabled()) {
                out().line("");
                out().table(app.records().products(connection.id(), null, 5), new ProductRenderer());
                out().line("");
                out().table(app.records().orders(connection.id(), null, 5), new OrderRenderer());
                out().line("");
            }
            say(String.format(Locale.ROOT, "Done in %.1f s. Look around: ./tributary runs "
                    + "--connection %d | ./tributary products --connection %d --limit 10 | ./tributary orders "
                    + "--connection %d --status %s", (System.nanoTime() - started) / 1e9, connection.id(),
                    connection.id(), connection.id(), shop.sampleStatus()));
            if (json.enabled()) {
                Map<String, Object> document = new java.util.LinkedHashMap<>();
                document.put("shopUrl", shop.url().toString());
                document.put("connectionId", connection.id());
                document.put("verification", verified.kind().name());
                document.put("runs", runs.stream().map(run -> new SyncRunRenderer().json(
                        new SyncService.Result(run, List.of()))).toList());
                document.put("products", app.records().count("product", connection.id()));
                document.put("orders", app.records().count("orders", connection.id()));
                out().json(document);
            }
            if (serve) {
                say("The sample shop keeps running at " + shop.url() + "; try ./tributary connection verify "
                        + connection.id() + " from another terminal. Ctrl-C stops it.");
                new CountDownLatch(1).await();
            } else {
                say("The sample shop has stopped (syncing " + name + " now fails as unreachable); "
                        + "./tributary demo --serve keeps it running.");
            }
            return OK;
        }
    }

    /** Adds the demo connection, or points the one from an earlier demo at this run's shop. */
    private ConnectionView register(App app, DemoShop shop) {
        String name = connectionName(shop.systemId());
        List<ConnectionView> earlier = app.connections().list(shop.systemId(), STORE, null).stream()
                .filter(c -> c.name().equals(name)).toList();
        if (earlier.isEmpty()) {
            return app.connections().add(new ConnectionDraft(shop.systemId(), name, shop.url(), STORE,
                    shop.credentials()));
        }
        long id = earlier.get(0).id();
        app.connections().setEnabled(id, true);
        return app.connections().update(id, new ConnectionDraft(null, null, shop.url(), null, shop.credentials()));
    }

    private SyncRun sync(App app, long connection, EntityType entity) {
        SyncRun run = app.engine().run(new SyncRequest(connection, entity, SyncRun.Trigger.MANUAL, false),
                new SyncProgress(out(), entity, Terminals.isTerminal(out().err()), Terminals.width(cli().environment())));
        say("   " + new SyncRunRenderer().summary(run));
        runs.add(run);
        return run;
    }

    /** A step of the demo: on stdout, or with --json on stderr (stdout then holds one JSON document). */
    private void say(String line) {
        if (json.enabled()) {
            out().note(line);
        } else {
            out().line(line);
        }
    }
}
