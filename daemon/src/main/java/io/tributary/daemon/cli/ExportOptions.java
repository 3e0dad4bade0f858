package io.tributary.daemon.cli;

import io.tributary.daemon.cli.render.ListingWriter;
import io.tributary.daemon.cli.render.Output;
import io.tributary.record.RecordQueries;
import picocli.CommandLine.Option;

/** How a record listing is written and paged: for scripts and spreadsheets, any number of records. */
final class ExportOptions {
    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), json (one array, as --json), "
            + "ndjson (one JSON object per line) or csv (a header row, then one row per record; an order's lines as "
            + "their count); money as decimal text, times in UTC ISO 8601. json, ndjson and csv stream every record "
            + "in constant memory unless --limit says otherwise.")
    String format;

    @Option(names = "--after", paramLabel = "CURSOR", description = "Page in (connection, id) order: the records after "
            + "CURSOR ('start' for the first page), --limit a page (default and at most 500); the next page's cursor "
            + "is printed on stderr. The admin API's 'next' cursors work here too.")
    String after;

    /** The format asked for: {@code --format}, or JSON for {@code --json}; both only when they agree. */
    ListingWriter.Format format(JsonOption json) {
        ListingWriter.Format chosen = format == null ? null : ListingWriter.Format.parse(format);
        if (json.enabled() && chosen != null && chosen != ListingWriter.Format.JSON) {
            throw new IllegalArgumentException("--json and --format " + format + " ask for two formats; give one.");
        }
        return json.enabled() ? ListingWriter.Format.JSON : chosen == null ? ListingWriter.Format.TABLE : chosen;
    }

    boolean paged() {
        return after != null;
    }

    /** How many records to list in {@code format}: --limit, else 20 for a table and all (null) for the others. */
    static Integer limitFor(ListingOptions listing, ListingWriter.Format format) {
        if (listing.limit != null) {
            return Limits.check(listing.limit);
        }
        return format.streams() ? null : 20;
    }

    /** The page size with --after: --limit up to the API's page, 500 by default. */
    static int pageSize(ListingOptions listing) {
        int size = listing.limit == null ? RecordQueries.MAX_PAGE : Limits.check(listing.limit);
        if (size > RecordQueries.MAX_PAGE) {
            throw new IllegalArgumentException("--limit is at most " + RecordQueries.MAX_PAGE + " a page with --after, "
                    + "got " + size + ".");
        }
        return size;
    }

    /** The --after cursor for a query: null for 'start'. */
    String afterCursor() {
        return "start".equals(after) ? null : after;
    }

    /** Says on stderr where the next page starts, or that this was the last. */
    static void nextPage(Output out, String next) {
        out.note(next == null ? "Last page." : "Next page: --after " + next);
    }
}
