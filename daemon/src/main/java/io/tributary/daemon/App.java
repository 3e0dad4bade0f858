package io.tributary.daemon;

import static java.util.Objects.requireNonNull;

import io.tributary.apikey.ApiKeyService;
import io.tributary.connection.ConnectionService;
import io.tributary.connection.ConnectionVerifier;
import io.tributary.connection.ConnectorRegistry;
import io.tributary.connection.StoreService;
import io.tributary.connection.VerificationHook;
import io.tributary.core.CoreModule;
import io.tributary.daemon.metrics.Metrics;
import io.tributary.http.HttpCallListener;
import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.customer.CustomerService;
import io.tributary.intake.OrderIntake;
import io.tributary.record.RecordQueries;
import io.tributary.route.RouteDispatcher;
import io.tributary.route.RouteRuns;
import io.tributary.route.RouteService;
import io.tributary.run.ProcessName;
import io.tributary.run.SyncLeases;
import io.tributary.run.RejectedRecords;
import io.tributary.run.SyncRuns;
import io.tributary.schedule.ScheduleService;
import io.tributary.scheduler.SchedulerModule;
import io.tributary.secret.MasterKey;
import io.tributary.secret.MasterKeyLoader;
import io.tributary.secret.SecretCipher;
import io.tributary.spi.ConnectorContext;
import io.tributary.store.CentralStore;
import io.tributary.store.StoreConfig;
import io.tributary.sync.SyncEngine;
import io.tributary.sync.SyncRunHook;
import io.tributary.sync.SyncService;
import java.io.PrintStream;
import java.time.Clock;

/**
 * The wired program: each part is built on first use, so a command opens only what it needs (the store,
 * the master key, the HTTP stack), and everything opened is closed with the app. Metrics are kept only by a process
 * that asks for them ({@link #metrics()}, the daemon) before the engine and the HTTP stack are built.
 */
public final class App implements AutoCloseable {
    private final DaemonConfig config;
    private final java.util.function.Consumer<String> notices;
    /** Microsecond ticks: what the store's DATETIME(6) columns keep, so a value shown equals the value stored. */
    private final Clock clock = Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1000));
    private ConnectorRegistry registry;
    private CentralStore store;
    private SecretCipher cipher;
    private HttpStack http;
    private ConnectionService connections;
    private SyncEngine engine;
    private SyncLeases leases;
    private ApiKeyService apiKeys;
    private Metrics metrics;
    private String role = "cli";
    private DataHome dataHome;
    private boolean dataHomePrepared;

    public App(DaemonConfig config, PrintStream notices) {
        this.config = requireNonNull(config, "config is null");
        requireNonNull(notices, "notices is null");
        // the level and format may come from a configuration file, which logback.xml (environment only) does not read
        Logging.apply(config);
        if (config.logFormat() == DaemonConfig.LogFormat.JSON) {
            // a plain line among JSON ones would trip a log collector: notices (a generated key) become log lines
            org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("io.tributary.notice");
            this.notices = log::warn;
        } else {
            this.notices = notices::println;
        }
    }

    public DaemonConfig config() {
        return config;
    }

    public synchronized ConnectorRegistry registry() {
        if (registry == null) {
            registry = ConnectorRegistry.load();
        }
        return registry;
    }

    public synchronized CentralStore store() {
        if (store == null) {
            boolean embedded = config.store().jdbcUrl().equals(StoreConfig.embedded(config.home()).jdbcUrl());
            if (embedded) {
                prepareDataHome();
            }
            store = CentralStore.open(config.store(), CoreModule.STORE, SchedulerModule.STORE);
            if (embedded) {
                dataHome().restrictFiles();
            }
        }
        return store;
    }

    /** The cipher of stored secrets; its master key is loaded when a secret is first sealed or opened. */
    public synchronized SecretCipher cipher() {
        if (cipher == null) {
            cipher = SecretCipher.loadingKeyOnFirstUse(this::masterKey);
        }
        return cipher;
    }

    private synchronized MasterKey masterKey() {
        String inline = config.environment().get(MasterKeyLoader.KEY_VARIABLE);
        String file = config.environment().get(MasterKeyLoader.KEY_FILE_VARIABLE);
        if ((inline == null || inline.isBlank()) && (file == null || file.isBlank())) {
            prepareDataHome(); // the generated key goes to the data folder
        }
        return MasterKeyLoader.load(config.environment(), config.home(), notices);
    }

    private synchronized void prepareDataHome() {
        if (!dataHomePrepared) {
            dataHome().prepare(notices);
            dataHomePrepared = true;
        }
    }

    private DataHome dataHome() {
        if (dataHome == null) {
            DataHome resolved = DataHome.resolve(config.environment(), java.nio.file.Path.of("").toAbsolutePath());
            dataHome = resolved.path().equals(config.home()) ? resolved
                    : new DataHome(config.home(), DataHome.Origin.TRIBUTARY_HOME);
        }
        return dataHome;
    }

    public synchronized HttpStack http() {
        if (http == null) {
            http = HttpStack.create(HttpPolicy.builder().requestsPerSecond(config.requestsPerSecond()).build(),
                    metrics == null ? HttpCallListener.NONE : metrics.httpCalls(), config.certificateAuthorities());
        }
        return http;
    }

    public ConnectorContext connectorContext() {
        return ConnectorContext.of(clock, http());
    }

    /**
     * This process's meters, created on the first call: the daemon's, served at {@code GET /metrics}. Ask before
     * the engine or the HTTP stack is built, so they report to it; a command that never asks keeps no metrics.
     *
     * @throws IllegalStateException when the engine or the HTTP stack was built without them
     */
    public synchronized Metrics metrics() {
        if (metrics == null) {
            if (engine != null || http != null) {
                throw new IllegalStateException("metrics are turned on before the engine and the HTTP stack are built");
            }
            metrics = new Metrics();
        }
        return metrics;
    }

    /** Verifies connections online (the CLI, the admin API and the demo), counted when metrics are kept. */
    public synchronized ConnectionVerifier verifier() {
        return new ConnectionVerifier(registry(), connectorContext(),
                metrics == null ? VerificationHook.NONE : metrics.verifications());
    }

    public synchronized ConnectionService connections() {
        if (connections == null) {
            connections = new ConnectionService(store(), registry(), cipher(), clock,
                    ScheduleService.defaults(config.scheduleZone(), clock));
        }
        return connections;
    }

    public StoreService stores() {
        return new StoreService(store(), clock);
    }

    /** One per app: it remembers when it last recorded each key's use, to write that at most once a minute. */
    public synchronized ApiKeyService apiKeys() {
        if (apiKeys == null) {
            apiKeys = new ApiKeyService(store(), clock);
        }
        return apiKeys;
    }

    public ScheduleService schedules() {
        return new ScheduleService(store(), registry(), clock, config.scheduleZone());
    }

    /** Names this process in leases and runs ({@code daemon <node>@host:pid}); call before the engine is built. */
    public synchronized void role(String name) {
        if (leases != null) {
            throw new IllegalStateException("the process role is fixed once the engine exists");
        }
        this.role = name;
    }

    public synchronized SyncLeases leases() {
        if (leases == null) {
            leases = new SyncLeases(store(), clock, config.lease(), ProcessName.of(role));
        }
        return leases;
    }

    public synchronized SyncEngine engine() {
        if (engine == null) {
            engine = SyncEngine.builder(store(), connections(), registry(), connectorContext()).clock(clock)
                    .lookback(config.lookback()).leases(leases()).failingAfter(config.failingAfter())
                    .hook(metrics == null ? SyncRunHook.NONE : metrics.syncs()).build();
        }
        return engine;
    }

    public SyncRuns runs() {
        return new SyncRuns(store(), clock);
    }

    public RecordQueries records() {
        return new RecordQueries(store().dataSource());
    }

    public RejectedRecords rejectedRecords() {
        return new RejectedRecords(store().dataSource());
    }

    /** Orders posted through the API (landing pages): stored in each store's API connection. */
    public OrderIntake orderIntake() {
        return new OrderIntake(store().dataSource(), clock);
    }

    /** Customers derived from stored orders. */
    public io.tributary.writeback.OrderStatusChanges orderStatusChanges() {
        return new io.tributary.writeback.OrderStatusChanges(store().dataSource(), connections(), registry(),
                connectorContext(), clock);
    }

    public CustomerService customers() {
        return new CustomerService(store().dataSource(), clock);
    }

    public RouteService routes() {
        return new RouteService(store().dataSource(), connections(), registry(), connectorContext(), clock);
    }

    public RouteRuns routeRuns() {
        return new RouteRuns(store().dataSource());
    }

    /** Syncs, and after an orders sync the connection's routes: what the CLI and the scheduler run. */
    public SyncService syncs() {
        return new SyncService(engine(), routeDispatcher());
    }

    /** Runs routes: after a sync (through {@link #syncs}), or after orders came in through the API. */
    public RouteDispatcher routeDispatcher() {
        return new RouteDispatcher(store().dataSource(), connections(), registry(), connectorContext(), clock,
                config.routeClaim());
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            http.close();
        }
        if (store != null) {
            store.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }
}
