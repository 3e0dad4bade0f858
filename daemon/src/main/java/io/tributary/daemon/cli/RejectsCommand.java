package io.tributary.daemon.cli;

import io.tributary.daemon.cli.render.RejectedRecordRenderer;
import io.tributary.run.RejectedRecords.Rejected;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rejects", description = "List records a sync could not read and set aside (a wrong type, a null "
        + "where a value is required, an absurd size), newest first, with why; --json adds what the system sent. "
        + "The rest of their page was stored.")
final class RejectsCommand extends CliCommand {
    @Mixin
    ListingOptions listing;

    @Mixin
    JsonOption json;

    @Option(names = "--run", paramLabel = "RUN", description = "Only the records set aside by this run.")
    Long run;

    @Option(names = "--before", paramLabel = "ID", description = "Only records set aside before this one (the "
            + "next page: the last ID shown).")
    Long before;

    @Override
    public Integer call() {
        listing.requireKnownConnection(this);
        if (run != null) {
            app().runs().find(run); // an unknown run is named, not listed as empty
        }
        List<Rejected> rejected = app().rejectedRecords().list(run, listing.connection, before,
                listing.checkedLimit());
        json.list(out(), rejected, new RejectedRecordRenderer(), "No record was set aside"
                + (run != null ? " by run " + run : listing.connection != null ? " for connection "
                        + listing.connection : "") + ".");
        return OK;
    }
}
