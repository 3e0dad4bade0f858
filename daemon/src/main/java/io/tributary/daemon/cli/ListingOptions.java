package io.tributary.daemon.cli;

import picocli.CommandLine.Option;

/** The options the record listings share: which connection and how many rows. */
final class ListingOptions {
    @Option(names = "--connection", paramLabel = "ID", description = "Only this connection.")
    Long connection;

    @Option(names = "--limit", defaultValue = "20", description = "At most this many rows (default 20).")
    int limit;

    int checkedLimit() {
        return Limits.check(limit);
    }

    /** "" or " for connection ID", to end a sentence about what was (not) found. */
    String forConnection() {
        return connection == null ? "" : " for connection " + connection;
    }
}
