package io.tributary.daemon.cli;


import picocli.CommandLine.Option;

/** The options the record listings share: which connection and how many rows. */
final class ListingOptions {
    @Option(names = "--connection", paramLabel = "ID", description = "Only this connection.")
    Long connection;

    @Option(names = "--limit", paramLabel = "N", description = "At most this many rows, 1 to 10000 (default 20; products "
            + "and orders list every record with --json or --format json|ndjson|csv, and 500 a page with --after).")
    Integer limit;

    /**
     * Refuses an unknown --connection (exit 2), as every command does for an id that does not exist; a connection
     * removed with its records kept is known here, since its records are listed by it.
     */
    void requireKnownConnection(CliCommand command) {
        if (connection != null) {
            command.app().connections().requireRecordsOwner(connection);
        }
    }

    /** "of connection 2 " or "", for sentences about what a filter did not find. */
    String ofConnection() {
        return connection == null ? "" : "of connection " + connection + " ";
    }

    static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    int checkedLimit() {
        return limit == null ? 20 : Limits.check(limit);
    }

    /** "" or " for connection ID", to end a sentence about what was (not) found. */
    String forConnection() {
        return connection == null ? "" : " for connection " + connection;
    }
}
