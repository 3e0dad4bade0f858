package io.tributary.sync;

import io.tributary.connection.StoredConnection;
import io.tributary.run.SyncRun;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Secret;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one log line of each run, and the masking of a connection's secrets in a run's error. */
final class RunLog {
    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

    private RunLog() {}

    static String withoutSecrets(String message, ConnectionSettings settings) {
        if (settings == null) {
            return message;
        }
        String clean = message;
        for (Secret secret : settings.secrets().values()) {
            if (secret.occursIn(clean)) {
                clean = clean.replace(secret.reveal(), Secret.mask());
            }
        }
        return clean;
    }

    static void log(StoredConnection connection, SyncRun run, long nanos) {
        String marked = run.deletedCount() == null ? ""
                : String.format(" deleted=%d revived=%d", run.deletedCount(), run.revivedCount());
        String line = run.kind() == SyncRun.Kind.RECONCILE
                ? String.format("reconcile connection %d (%s) %s %s %s: listed=%d%s in %.2f s", connection.id(),
                        connection.name(), run.entity().cliName(), run.trigger().name().toLowerCase(Locale.ROOT),
                        run.outcome(), run.readCount(), marked, nanos / 1e9)
                : String.format("sync connection %d (%s) %s %s %s: read=%d inserted=%d updated=%d unchanged=%d%s "
                        + "in %.2f s", connection.id(), connection.name(), run.entity().cliName(),
                run.trigger().name().toLowerCase(Locale.ROOT), run.outcome(), run.readCount(),
                run.insertedCount(), run.updatedCount(), run.unchangedCount(), marked, nanos / 1e9);
        if (run.outcome() == SyncRun.Outcome.SUCCEEDED) {
            log.info(line);
        } else if (run.outcome() == SyncRun.Outcome.STOPPED) {
            log.info(line);
        } else if (run.outcome() == SyncRun.Outcome.WAITING) {
            log.info("{}: {}", line, run.notes().isEmpty() ? "looks again at " + run.retryAt() : run.notes().get(0));
        } else {
            log.warn("{}: {}", line, run.errorMessage());
        }
    }
}
