package io.tributary.daemon;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.Secret;
import io.tributary.store.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Tributary's configuration, from the environment (and the {@code --db-url} option):
 * {@code TRIBUTARY_HOME} (default: per user, see {@link DataHome}) holds the embedded database and the generated
 * master key;
 * {@code TRIBUTARY_DB_URL}, {@code TRIBUTARY_DB_USER}, {@code TRIBUTARY_DB_PASSWORD} select a MariaDB store;
 * {@code TRIBUTARY_MASTER_KEY} / {@code TRIBUTARY_MASTER_KEY_FILE} the key for stored secrets;
 * {@code TRIBUTARY_SYNC_LOOKBACK} (ISO-8601 duration, default PT5M) the overlap re-read at each sync's start;
 * {@code TRIBUTARY_HTTP_RATE} the most requests per second sent to one connection, the ceiling of its adaptive rate
 * (default 1000);
 * {@code TRIBUTARY_ZONE} the time zone of new schedules (default: the machine's);
 * {@code TRIBUTARY_LEASE} how long a sync's lease lasts without renewal (ISO-8601, default PT60S);
 * {@code TRIBUTARY_FAILING_AFTER} failed runs in a row that flag a connection failing (default 3);
 * {@code TRIBUTARY_SCHEDULER_THREADS} syncs a daemon runs at once (default 16; the
 * daemon's store pool holds twice as many connections plus 4);
 * {@code TRIBUTARY_STOP_TIMEOUT} how long a stopping daemon waits for running syncs (ISO-8601, default PT30S);
 * {@code TRIBUTARY_ROUTE_CLAIM} how long a route run holds an order it posts, and after how long a route run that
 * stopped answering is taken over (ISO-8601, default PT2M: longer than one delivery request takes);
 * {@code TRIBUTARY_CA_FILE} a PEM file of certificate authorities trusted beside the JVM's (default: none);
 * {@code TRIBUTARY_LOG_LEVEL} the level of Tributary's own loggers (default INFO);
 * {@code TRIBUTARY_LOG_FORMAT} {@code text} (default) or {@code json}, one JSON object per log line.
 */
public record DaemonConfig(Path home, StoreConfig store, Duration lookback, int requestsPerSecond,
        Map<String, String> environment) {
    public static final String ZONE = "TRIBUTARY_ZONE";
    public static final String LEASE = "TRIBUTARY_LEASE";
    public static final String FAILING_AFTER = "TRIBUTARY_FAILING_AFTER";
    public static final String SCHEDULER_THREADS = "TRIBUTARY_SCHEDULER_THREADS";
    public static final String STOP_TIMEOUT = "TRIBUTARY_STOP_TIMEOUT";
    public static final String ROUTE_CLAIM = "TRIBUTARY_ROUTE_CLAIM";

    public static final String HOME = "TRIBUTARY_HOME";
    public static final String DB_URL = "TRIBUTARY_DB_URL";
    public static final String DB_USER = "TRIBUTARY_DB_USER";
    public static final String DB_PASSWORD = "TRIBUTARY_DB_PASSWORD";
    public static final String LOOKBACK = "TRIBUTARY_SYNC_LOOKBACK";
    public static final String HTTP_RATE = "TRIBUTARY_HTTP_RATE";
    public static final String CA_FILE = "TRIBUTARY_CA_FILE";

    public DaemonConfig {
        requireNonNull(home, "home is null");
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("requestsPerSecond must be at least 1");
        }
        requireNonNull(store, "store is null");
        requireNonNull(lookback, "lookback is null");
        environment = Map.copyOf(environment);
    }

    /** Reads the configuration; {@code dbUrlOption} (from {@code --db-url}) wins over the environment. */
    public static DaemonConfig from(Map<String, String> environment, String dbUrlOption) {
        Path home = DataHome.resolve(environment, Path.of("").toAbsolutePath()).path();
        String url = dbUrlOption != null && !dbUrlOption.isBlank() ? dbUrlOption.trim() : environment.get(DB_URL);
        StoreConfig store = url == null || url.isBlank()
                ? StoreConfig.embedded(home)
                : new StoreConfig(url.trim(), value(environment, DB_USER, "tributary"),
                        Secret.of(value(environment, DB_PASSWORD, "")), 8);
        Duration lookback;
        try {
            lookback = Duration.parse(value(environment, LOOKBACK, "PT5M"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(LOOKBACK + " must be an ISO-8601 duration such as PT5M, got '"
                    + environment.get(LOOKBACK) + "'.");
        }
        if (lookback.isNegative()) {
            throw new IllegalArgumentException(LOOKBACK + " cannot be negative.");
        }
        int rate;
        try {
            rate = Integer.parseInt(value(environment, HTTP_RATE,
                    Integer.toString(io.tributary.http.HttpPolicy.DEFAULT_CEILING)).trim());
        } catch (NumberFormatException e) {
            rate = 0;
        }
        if (rate < 1) {
            throw new IllegalArgumentException(HTTP_RATE + " must be a whole number of requests per second, at "
                    + "least 1; got '" + environment.get(HTTP_RATE) + "'.");
        }
        DaemonConfig config = new DaemonConfig(home, store, lookback, rate, environment);
        // every setting is checked at start, not when a command first needs it
        config.scheduleZone();
        config.lease();
        config.stopTimeout();
        config.routeClaim();
        config.failingAfter();
        config.schedulerThreads();
        config.logLevel();
        config.certificateAuthorities();
        config.logFormat();
        return config;
    }

    public static final String LOG_LEVEL = "TRIBUTARY_LOG_LEVEL";
    private static final java.util.List<String> LEVELS = java.util.List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR",
            "OFF");

    /** The level of Tributary's own loggers. */
    public String logLevel() {
        String level = value(environment, LOG_LEVEL, "INFO").strip().toUpperCase(java.util.Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException(LOG_LEVEL + " must be one of " + String.join(", ", LEVELS) + "; got '"
                    + environment.get(LOG_LEVEL) + "'.");
        }
        return level;
    }

    /** The certificate authorities of {@code TRIBUTARY_CA_FILE}, trusted beside the JVM's; empty when unset. */
    public java.util.List<java.security.cert.X509Certificate> certificateAuthorities() {
        String file = environment.get(CA_FILE);
        return file == null || file.isBlank() ? java.util.List.of()
                : io.tributary.http.CertificateAuthorities.fromPemFile(Path.of(file.trim()), CA_FILE);
    }

    public static final String LOG_FORMAT = "TRIBUTARY_LOG_FORMAT";

    /** How log lines are written: {@code text} for people, {@code json} for log collectors. */
    public enum LogFormat { TEXT, JSON }

    public LogFormat logFormat() {
        String format = value(environment, LOG_FORMAT, "text").strip().toLowerCase(java.util.Locale.ROOT);
        return switch (format) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw new IllegalArgumentException(LOG_FORMAT + " must be text or json; got '"
                    + environment.get(LOG_FORMAT) + "'.");
        };
    }

    public java.time.ZoneId scheduleZone() {
        String zone = environment.get(ZONE);
        try {
            return zone == null || zone.isBlank() ? java.time.ZoneId.systemDefault() : java.time.ZoneId.of(zone.trim());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(ZONE + " must be a time zone such as Europe/Stockholm, got '" + zone + "'.");
        }
    }

    public Duration lease() {
        return positiveDuration(LEASE, "PT60S");
    }

    public Duration stopTimeout() {
        return positiveDuration(STOP_TIMEOUT, "PT30S");
    }

    public Duration routeClaim() {
        return positiveDuration(ROUTE_CLAIM, io.tributary.route.RouteDispatcher.DEFAULT_CLAIM.toString());
    }

    public int failingAfter() {
        return positiveInt(FAILING_AFTER, 3);
    }

    public int schedulerThreads() {
        return positiveInt(SCHEDULER_THREADS, io.tributary.scheduler.SchedulerOptions.DEFAULT_THREADS);
    }

    private Duration positiveDuration(String name, String fallback) {
        try {
            Duration value = Duration.parse(value(environment, name, fallback).trim());
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive ISO-8601 duration such as " + fallback
                        + ", got '" + environment.get(name) + "'.");
            }
            return value;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as " + fallback + ", got '"
                    + environment.get(name) + "'.");
        }
    }

    private int positiveInt(String name, int fallback) {
        try {
            int value = Integer.parseInt(value(environment, name, Integer.toString(fallback)).trim());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number of at least 1, got '"
                + environment.get(name) + "'.");
    }

    /** A copy whose store pool has {@code size} connections (the daemon needs more than a CLI command). */
    public DaemonConfig withPoolSize(int size) {
        return new DaemonConfig(home, new StoreConfig(store.jdbcUrl(), store.user(), store.password(), size), lookback,
                requestsPerSecond, environment);
    }

    /** A copy that sends at most {@code rate} requests per second to one connection. */
    public DaemonConfig withRequestsPerSecond(int rate) {
        return new DaemonConfig(home, store, lookback, rate, environment);
    }

    private static String value(Map<String, String> environment, String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
