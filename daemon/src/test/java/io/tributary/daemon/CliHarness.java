package io.tributary.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.secret.MasterKey;
import io.tributary.store.StoreConfig;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.leaks.CredentialWatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code tributary} command lines in-process against a test store, capturing stdout, stderr and exit code. */
final class CliHarness implements AutoCloseable {
    /** One command's outcome. */
    record Result(int exitCode, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (java.io.IOException e) {
                throw new AssertionError("stdout is not one JSON document: " + out + "\nstderr: " + err, e);
            }
        }

        String all() {
            return out + "\n" + err;
        }
    }

    private final TestDatabase database;
    private final Map<String, String> environment = new HashMap<>();

    CliHarness(TestDatabase.Backend backend, Path home) {
        this.database = TestDatabase.create(backend);
        environment.put("TRIBUTARY_HOME", home.toString());
        environment.put("TRIBUTARY_CONFIG_DIR", home.resolve("etc").toString()); // not the machine's /etc/tributary
        environment.put("TRIBUTARY_DB_URL", database.config().jdbcUrl());
        environment.put("TRIBUTARY_DB_USER", database.config().user());
        environment.put("TRIBUTARY_DB_PASSWORD", database.config().password().reveal());
        environment.put("TRIBUTARY_MASTER_KEY", MasterKey.generate("test").toBase64());
    }

    TestDatabase database() {
        return database;
    }

    Map<String, String> environment() {
        return environment;
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(args, environment, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Result result = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        String command = "the output of `tributary " + (args.length == 0 ? "" : args[0]) + "`";
        CredentialWatch.scan(command, result.out());
        CredentialWatch.scan(command + " on stderr", result.err());
        return result;
    }

    /**
     * One number from the store these commands use (the test database, or the embedded H2 file of
     * {@code TRIBUTARY_HOME} when the environment names none), over a plain JDBC connection: the store is migrated
     * by then, and a query must not boot Flyway and Hibernate.
     */
    long count(String sql) throws SQLException {
        StoreConfig store = DaemonConfig.from(environment, null).store();
        try (Connection connection = DriverManager.getConnection(store.effectiveUrl(), store.user(),
                        store.password().reveal());
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The record of a {@code products}/{@code orders --json} listing with this external id, or null. */
    static JsonNode withExternalId(JsonNode listing, int externalId) {
        for (JsonNode record : listing) {
            if (record.get("externalId").asText().equals(Integer.toString(externalId))) {
                return record;
            }
        }
        return null;
    }

    @Override
    public void close() {
        database.close();
    }
}
