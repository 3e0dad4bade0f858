package io.tributary.store;

import static java.util.Objects.requireNonNull;

import io.tributary.spi.Secret;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the central store lives: a MariaDB server ({@code jdbc:mariadb://...}) in production, or an embedded
 * H2 file database (MariaDB mode) by default.
 */
public record StoreConfig(String jdbcUrl, String user, Secret password, int maxPoolSize) {
    public enum Vendor { MARIADB, H2 }

    public StoreConfig {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(password, "password is null");
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1");
        }
        vendorOf(jdbcUrl);
    }

    /** The embedded default: an H2 file database {@code tributary} in {@code home}. */
    public static StoreConfig embedded(Path home) {
        String file = home.toAbsolutePath().normalize().resolve("tributary").toString();
        // WRITE_DELAY=0: a committed page (records with their cursor) is handed to the file at once, so a process
        // killed right after a commit keeps it; H2's default keeps the last half second in memory only
        return new StoreConfig("jdbc:h2:file:" + file + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;WRITE_DELAY=0", "sa", Secret.of(""), 4);
    }

    public Vendor vendor() {
        return vendorOf(jdbcUrl);
    }

    private static Vendor vendorOf(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:mariadb:")) {
            return Vendor.MARIADB;
        }
        if (lower.startsWith("jdbc:h2:")) {
            return Vendor.H2;
        }
        throw new IllegalArgumentException("The database URL must be a MariaDB (jdbc:mariadb://host:3306/db) or H2 "
                + "(jdbc:h2:...) JDBC URL, got '" + redact(url) + "'.");
    }

    /**
     * The URL handed to the driver. For MariaDB: batched statements rewritten into multi-row statements (the
     * record path's speed depends on it) and LOAD DATA LOCAL refused, unless the URL says otherwise.
     */
    public String effectiveUrl() {
        if (vendor() != Vendor.MARIADB) {
            return jdbcUrl;
        }
        String url = jdbcUrl;
        url = withParameter(url, "rewriteBatchedStatements", "true");
        url = withParameter(url, "allowLocalInfile", "false");
        return url;
    }

    private static String withParameter(String url, String name, String value) {
        if (url.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT) + "=")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + name + "=" + value;
    }

    /** The URL with any password parameter masked, for messages. */
    public String redactedUrl() {
        return redact(jdbcUrl);
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password|pwd)=[^&;]*", "$1=****");
    }

    @Override
    public String toString() {
        return "StoreConfig[" + redactedUrl() + ", user=" + user + "]";
    }
}
