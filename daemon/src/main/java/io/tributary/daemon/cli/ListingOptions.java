package io.tributary.daemon.cli;

import picocli.CommandLine.Option;

/** The options every listing shares: which connection, how many rows, and JSON output. */
final class ListingOptions {
    @Option(names = "--connection", paramLabel = "ID", description = "Only this connection.")
    Long connection;

    @Option(names = "--limit", defaultValue = "20", description = "At most this many rows (default 20).")
    int limit;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    int checkedLimit() {
        return Limits.check(limit);
    }
}
