package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings from configuration files under the environment, and bad settings refused at start with one sentence,
 * through the jar.
 */
class ConfigurationIT {
    @TempDir
    Path tmp;

    private record Run(int exitCode, String out, String err) {}

    private Run run(Map<String, String> environment, String... args) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("cwd"));
        try (TributaryProcess process = TributaryProcess.startIn(folder, tmp, environment, args)) {
            int code = process.waitFor(Duration.ofSeconds(90));
            return new Run(code, process.stdout(), process.stderr());
        }
    }

    private Map<String, String> environment() throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", tmp.resolve("home").toString());
        environment.put("TRIBUTARY_HOME", Files.createDirectories(tmp.resolve("data")).toString());
        environment.put("TRIBUTARY_CONFIG_DIR", Files.createDirectories(tmp.resolve("etc")).toString());
        return environment;
    }

    @Test
    void badValuesAreRefusedAtStartWithOneSentence() throws Exception {
        Map<String, String> loud = environment();
        loud.put("TRIBUTARY_LOG_LEVEL", "LOUD");
        Run level = run(loud, "connection", "list");
        assertThat(level.exitCode()).isEqualTo(2);
        assertThat(level.err().strip()).isEqualTo("Error: TRIBUTARY_LOG_LEVEL must be one of TRACE, DEBUG, INFO, "
                + "WARN, ERROR, OFF; got 'LOUD'.");

        Map<String, String> negative = environment();
        negative.put("TRIBUTARY_LEASE", "-PT1S");
        Run lease = run(negative, "connection", "list");
        assertThat(lease.exitCode()).isEqualTo(2);
        assertThat(lease.err().strip()).isEqualTo("Error: TRIBUTARY_LEASE must be a positive ISO-8601 duration such "
                + "as PT60S, got '-PT1S'.");
    }

    @Test
    void filesUnderTheEnvironmentAndUnknownKeysRefused() throws Exception {
        Map<String, String> environment = environment();
        Files.writeString(tmp.resolve("etc/tributary.toml"), "# system-wide\nlog_level = \"WARN\"\nhttp_rate = 0\n");
        Run system = run(environment, "connection", "list");
        assertThat(system.exitCode()).as("http_rate 0 from /etc/tributary is refused").isEqualTo(2);
        assertThat(system.err()).contains("TRIBUTARY_HTTP_RATE must be a whole number");

        Files.writeString(tmp.resolve("data/tributary.properties"), "http_rate=5\n");
        Run data = run(environment, "connection", "list");
        assertThat(data.exitCode()).as("the data folder's file over /etc's: " + data.err()).isZero();

        environment.put("TRIBUTARY_HTTP_RATE", "0");
        assertThat(run(environment, "connection", "list").exitCode()).as("the environment over the files")
                .isEqualTo(2);
        environment.remove("TRIBUTARY_HTTP_RATE");

        Files.writeString(tmp.resolve("data/tributary.properties"), "http_rte=5\n");
        Run unknown = run(environment, "connection", "list");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("Error: Unknown setting 'http_rte' in "
                + tmp.resolve("data/tributary.properties") + " (did you mean http_rate?).");
    }
}
