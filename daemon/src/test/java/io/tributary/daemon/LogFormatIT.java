package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code TRIBUTARY_LOG_FORMAT=json} through the jar: the daemon's stderr is one JSON object per line (Logback's
 * encoder), also at DEBUG where each call to the shop is logged, and with no credential in it; the setting from a
 * configuration file does the same for a CLI command; anything but text or json is refused at start with one
 * sentence, exit 2.
 */
class LogFormatIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private record Run(int exitCode, String err) {}

    private Run run(Map<String, String> environment, String... args) throws Exception {
        Path folder = Files.createDirectories(home.resolve("cwd"));
        try (TributaryProcess process = TributaryProcess.startIn(folder, home, environment, args)) {
            int code = process.waitFor(Duration.ofSeconds(90));
            return new Run(code, process.stderr());
        }
    }

    @Test
    void aFormatOtherThanTextOrJsonIsRefusedAtStartWithOneSentence() throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", home.resolve("user").toString());
        environment.put("TRIBUTARY_HOME", Files.createDirectories(home.resolve("data")).toString());
        environment.put("TRIBUTARY_CONFIG_DIR", Files.createDirectories(home.resolve("etc")).toString());

        environment.put("TRIBUTARY_LOG_FORMAT", "xml");
        for (String[] command : List.of(new String[] {"connection", "list"}, new String[] {"daemon", "--http-port",
                "0"})) {
            Run refused = run(environment, command);
            assertThat(refused.exitCode()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(refused.err().strip()).isEqualTo("Error: TRIBUTARY_LOG_FORMAT must be text or json; got 'xml'.");
        }

        environment.remove("TRIBUTARY_LOG_FORMAT");
        Files.writeString(home.resolve("etc/tributary.toml"), "log_format = \"yaml\"\n");
        Run fromFile = run(environment, "connection", "list");
        assertThat(fromFile.exitCode()).isEqualTo(2);
        assertThat(fromFile.err().strip()).isEqualTo("Error: TRIBUTARY_LOG_FORMAT must be text or json; got 'yaml'.");

        Files.writeString(home.resolve("etc/tributary.toml"), "log_format = \"JSON\"\n");
        environment.put("TRIBUTARY_HOME", home.resolve("fresh").toString());
        Run json = run(environment, "connection", "list");
        assertThat(json.exitCode()).as("case does not matter: " + json.err()).isZero();
        // the notice that the data folder was made is a log line like any other ("No connections ..." after it is
        // the command's answer, for a person)
        assertThat(json.err()).contains("No connections");
        assertThat(jsonLines(json.err().lines().filter(line -> line.startsWith("{")).collect(
                java.util.stream.Collectors.joining("\n")))).anySatisfy(line -> {
            assertThat(line.get("loggerName").asText()).isEqualTo("io.tributary.notice");
            assertThat(line.get("formattedMessage").asText()).startsWith("Created Tributary's data folder");
        });
    }

    @Test
    void jsonLogsAreOneObjectPerLineWithLevelLoggerAndMessageAndNoSecret() throws Exception {
        try (CliHarness cli = new CliHarness(TestDatabase.Backend.H2, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(150).orders(20).seed(9).start()) {
            Map<String, String> environment = new HashMap<>(cli.environment());
            environment.remove("TRIBUTARY_DB_URL"); // the embedded store in TRIBUTARY_HOME, shared by the processes
            environment.put("TRIBUTARY_HTTP_RATE", "1000");
            cli.environment().clear();
            cli.environment().putAll(environment);
            long id = cli.run("connection", "add", "--system", "woocommerce", "--name", "Shop", "--url",
                    shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret", shop.consumerSecret(),
                    "--json").json().get("id").asLong();
            String token = cli.run("apikey", "create", "--name", "logs", "--json").json().get("token").asText();
            List<String> secrets = List.of(shop.consumerKey(), shop.consumerSecret(), token,
                    environment.get("TRIBUTARY_MASTER_KEY"));

            Map<String, String> daemonEnvironment = new HashMap<>(environment);
            daemonEnvironment.put("TRIBUTARY_LOG_FORMAT", "json");
            daemonEnvironment.put("TRIBUTARY_LOG_LEVEL", "DEBUG"); // every call to the shop is logged, its URL redacted
            try (TributaryProcess daemon = TributaryProcess.start(home, daemonEnvironment, "daemon", "--http-port", "0",
                    "--node-id", "json")) {
                // in JSON the URL's slashes come escaped (\/)
                int port = Integer.parseInt(daemon.awaitLog(Pattern.compile("Tributary daemon started: .*?health on "
                        + "http:[^0-9]*127\\.0\\.0\\.1:(\\d+)"), Duration.ofSeconds(90)).group(1));
                HttpResponse<String> started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/connections/" + id + "/syncs"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"entity\":\"products\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
                daemon.awaitLog("products manual SUCCEEDED", Duration.ofSeconds(90));
                daemon.terminate();
                assertThat(daemon.waitFor(Duration.ofSeconds(60))).as(daemon.stderr()).isZero();

                List<JsonNode> lines = jsonLines(daemon.stderr());
                assertThat(lines).extracting(line -> line.get("formattedMessage").asText())
                        .anyMatch(message -> message.startsWith("Tributary daemon started: node json"))
                        .anyMatch(message -> message.contains("products manual SUCCEEDED: read=" ))
                        .anyMatch(message -> message.contains(" GET ") && message.contains("-> 200"))
                        .anyMatch(message -> message.equals("stopped"));
                assertThat(lines).anySatisfy(line -> {
                    assertThat(line.get("level").asText()).isEqualTo("DEBUG");
                    assertThat(line.get("loggerName").asText()).isEqualTo("io.tributary.http");
                });
                assertThat(lines).anySatisfy(line -> {
                    assertThat(line.get("level").asText()).isEqualTo("INFO");
                    assertThat(line.get("loggerName").asText()).isEqualTo("io.tributary.sync.SyncEngine");
                });
                assertThat(secrets).noneMatch(secret -> daemon.stderr().contains(secret));
            }

            // the setting from a configuration file, for a CLI command: its log lines are JSON too
            Path etc = Files.createDirectories(home.resolve("etc-json"));
            Files.writeString(etc.resolve("tributary.toml"), "log_format = \"json\"\n");
            Map<String, String> cliEnvironment = new HashMap<>(environment);
            cliEnvironment.put("TRIBUTARY_CONFIG_DIR", etc.toString());
            try (TributaryProcess sync = TributaryProcess.start(home, cliEnvironment, "sync", Long.toString(id),
                    "--entity", "orders")) {
                assertThat(sync.waitFor(Duration.ofSeconds(90))).as(sync.stderr()).isZero();
                List<JsonNode> logged = new ArrayList<>();
                for (String line : sync.stderr().split("\n")) {
                    if (line.startsWith("{")) { // the rest is the command's own progress, for a person
                        logged.add(JSON.readTree(line));
                    }
                }
                assertThat(logged).anySatisfy(line -> {
                    assertThat(line.get("loggerName").asText()).isEqualTo("io.tributary.sync.SyncEngine");
                    assertThat(line.get("formattedMessage").asText()).contains("orders manual SUCCEEDED");
                });
                assertThat(sync.stderr()).doesNotContain("INFO  i.t.sync.SyncEngine");
                assertThat(secrets).noneMatch(secret -> sync.stderr().contains(secret));
            }
        }
    }

    /** Every line of {@code stderr}, each parsed as one JSON object with a level, a logger and a message. */
    private static List<JsonNode> jsonLines(String stderr) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            assertThat(node.has("timestamp") && node.has("level") && node.has("loggerName")
                    && node.has("formattedMessage")).as(line).isTrue();
            lines.add(node);
        }
        assertThat(lines).isNotEmpty();
        return lines;
    }
}
