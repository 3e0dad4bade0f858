package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.secret.MasterKey;
import io.tributary.testing.PrivateMariaDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The jar run against a private MariaDB server of the test's own (one it may stop and start): the environment that
 * points the jar at it, one command run to its end, and counts read from the server directly.
 */
final class PrivateStoreJar {
    private final Path home;
    private final PrivateMariaDb database;
    private final Map<String, String> environment = new HashMap<>();

    record Outcome(int code, String out, String err) {
        /** stdout as JSON, once the command succeeded. */
        JsonNode json() throws Exception {
            assertThat(code).as(err).isZero();
            return new ObjectMapper().readTree(out);
        }
    }

    PrivateStoreJar(Path home, PrivateMariaDb database) {
        this.home = home;
        this.database = database;
        environment.put("TRIBUTARY_HOME", home.resolve("data").toString());
        environment.put("TRIBUTARY_CONFIG_DIR", home.resolve("etc").toString());
        environment.put("TRIBUTARY_DB_URL", database.url());
        environment.put("TRIBUTARY_DB_USER", "root");
        environment.put("TRIBUTARY_DB_PASSWORD", "");
        environment.put("TRIBUTARY_MASTER_KEY", MasterKey.generate("test").toBase64());
        environment.put("TRIBUTARY_HTTP_RATE", "1000");
    }

    Map<String, String> environment() {
        return environment;
    }

    /** Runs one command of the jar to its end (at most 3 minutes). */
    Outcome run(String... args) throws Exception {
        try (TributaryProcess process = TributaryProcess.start(home, environment, args)) {
            int code = process.waitFor(Duration.ofSeconds(180));
            return new Outcome(code, process.stdout(), process.stderr());
        }
    }

    /** The one number {@code sql} selects, read from the server over plain JDBC. */
    long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), "root", "");
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
