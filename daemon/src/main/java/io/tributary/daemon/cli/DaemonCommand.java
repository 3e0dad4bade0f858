package io.tributary.daemon.cli;

import io.tributary.daemon.App;
import io.tributary.daemon.api.ApiServer;
import io.tributary.daemon.metrics.Metrics;
import io.tributary.run.ProcessName;
import io.tributary.scheduler.EmbeddedSingleton;
import io.tributary.scheduler.ScheduleReconciler;
import io.tributary.scheduler.ScheduledSyncs;
import io.tributary.scheduler.SchedulerOptions;
import io.tributary.scheduler.SyncNow;
import io.tributary.scheduler.TributaryScheduler;
import io.tributary.store.StoreConfig;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

@Command(name = "daemon", description = "Run the schedules as a service until stopped (SIGTERM or Ctrl-C stops it "
        + "cleanly: no new syncs, running ones stop at their next page with their cursor committed). With a "
        + "MariaDB database, daemons on several machines share the work and take over from each other.")
final class DaemonCommand extends CliCommand {
    private static final Logger log = LoggerFactory.getLogger("io.tributary.daemon");

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Serve GET and HEAD /health, GET /metrics (Prometheus) and the admin API (/api/v1, API keys "
            + "from `tributary apikey create`) on this port, 0 to 65535; 0 picks a free one (default: no HTTP).")
    Integer httpPort;

    @Option(names = "--http-address", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address of this machine to serve HTTP on with --http-port: 127.0.0.1 (the default: "
            + "this machine only), another of its addresses, or 0.0.0.0 for all of them (the admin API carries API "
            + "keys: put TLS in front of it).")
    String httpAddress;

    @Option(names = "--node-id", paramLabel = "ID", description = "This node's name in the cluster (default: host "
            + "name and start time).")
    String nodeId;

    @Override
    public Integer call() throws Exception {
        // before anything starts: a port in use or out of range is one sentence, exit 2, with nothing to stop
        HttpEndpoint endpoint = httpPort == null ? null : HttpEndpoint.check(httpAddress, httpPort);
        String node = nodeId != null ? nodeId : defaultNodeId();
        App app = cli().app(config -> config.withPoolSize(config.schedulerThreads() * 2 + 4));
        SchedulerOptions options = new SchedulerOptions(node, app.config().schedulerThreads(), Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        app.role("daemon " + node);
        Metrics metrics = app.metrics(); // before the engine and the HTTP stack, which report to it
        EmbeddedSingleton singleton = null;
        ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(daemonThreads());
        if (app.store().vendor() == StoreConfig.Vendor.H2) {
            singleton = new EmbeddedSingleton(app.store().dataSource(), Clock.systemUTC(), Duration.ofSeconds(30),
                    ProcessName.of("daemon " + node));
            singleton.acquire();
            EmbeddedSingleton held = singleton;
            keepAlive.scheduleAtFixedRate(() -> renew(held), 10, 10, TimeUnit.SECONDS);
        }
        List<Long> abandoned = app.leases().abandonExpired();
        if (!abandoned.isEmpty()) {
            log.info("closed runs {} as ABANDONED: the process running them stopped without finishing", abandoned);
        }
        Duration recoveryWait = app.config().lease().plusSeconds(30);
        TributaryScheduler scheduler = TributaryScheduler.create(app.store(), new ScheduledSyncs(app.syncs(),
                recoveryWait), options, metrics.firings());
        ScheduleReconciler reconciler = new ScheduleReconciler(scheduler.quartz(), app.schedules(),
                app.store().dataSource());
        ApiServer health = null;
        if (endpoint != null) {
            try {
                // bound before the scheduler starts: should another process take the port since the check, the
                // daemon ends as it would have then, with nothing started to stop
                health = ApiServer.start(endpoint.address(), endpoint.port(), app, () -> health(app, scheduler),
                        new SyncNow(scheduler.quartz()));
            } catch (RuntimeException e) {
                scheduler.shutdown(false);
                keepAlive.shutdownNow();
                if (singleton != null) {
                    singleton.release();
                }
                throw endpoint.unavailable(e);
            }
        }
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        try {
            reconciler.start(options.reconcileEvery());
            scheduler.start();
            long active = app.schedules().list(null).stream().filter(s -> s.firing()).count();
            log.info("Tributary daemon started: node {}, {}, {} active schedules{}", node,
                    scheduler.clustered() ? "clustered on MariaDB" : "single node on the embedded H2 database", active,
                    health == null ? "" : ", health on http://" + new HttpEndpoint(endpoint.address(), health.port())
                            .display() + "/health, metrics on /metrics and the admin API under /api/v1");
            stop.await();
        } finally {
            shutDown(app, scheduler, reconciler, health, singleton, keepAlive);
        }
        return OK;
    }

    private void shutDown(App app, TributaryScheduler scheduler, ScheduleReconciler reconciler, ApiServer health,
            EmbeddedSingleton singleton, ScheduledExecutorService keepAlive) throws InterruptedException {
        Duration timeout = app.config().stopTimeout();
        log.info("stopping: no new syncs; running syncs stop at their next page (waiting up to {} s)",
                timeout.toSeconds());
        reconciler.close();
        scheduler.standby();
        app.engine().requestStop();
        Thread waiting = new Thread(() -> scheduler.shutdown(true), "tributary-shutdown");
        waiting.start();
        waiting.join(timeout.toMillis());
        if (waiting.isAlive()) {
            log.warn("syncs still running after {} s: cancelling their requests", timeout.toSeconds());
            app.http().cancelAll();
            waiting.join(5000);
        }
        keepAlive.shutdownNow();
        if (singleton != null) {
            singleton.release();
        }
        if (health != null) {
            health.close();
        }
        log.info("stopped");
    }

    private static Map<String, Object> health(App app, TributaryScheduler scheduler) {
        boolean store = app.store().reachable();
        boolean started = scheduler.started();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("status", store && started && !app.engine().stopping() ? "UP" : "DOWN");
        report.put("database", store ? "UP" : "DOWN");
        report.put("store", store ? "UP" : "DOWN"); // the same, under its name from before "store" meant a business
        report.put("scheduler", started ? "STARTED" : app.engine().stopping() ? "STOPPING" : "STOPPED");
        report.put("nodeId", scheduler.nodeId());
        report.put("clustered", scheduler.clustered());
        return report;
    }

    private static void renew(EmbeddedSingleton singleton) {
        try {
            singleton.renew();
        } catch (RuntimeException e) {
            log.warn("renewing this daemon's hold on the embedded database failed: {}", e.getMessage());
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return task -> {
            Thread thread = new Thread(task, "tributary-keepalive");
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "node";
        }
        return host.replaceAll("[^A-Za-z0-9._-]", "-") + "-" + System.currentTimeMillis();
    }
}
