package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.TestDatabase;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync's progress from the real jar: plain lines with percentage, rate and time left when stderr is a file, a bar
 * redrawn in place when it runs on a terminal (a pseudo-terminal, as a person's shell gives it).
 */
class SyncProgressIT {
    @TempDir
    Path home;

    @Test
    void plainLinesWhenStderrIsNotATerminalAndABarOnATerminal() throws Exception {
        try (CliHarness cli = new CliHarness(TestDatabase.Backend.H2, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(20).orders(250).seed(4).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            cli.environment().remove("TRIBUTARY_DB_URL"); // the embedded database in TRIBUTARY_HOME, for both processes
            String id = cli.run("connection", "add", "--system", "woocommerce", "--name", "Shop", "--url",
                    shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret", shop.consumerSecret(),
                    "--json").json().get("id").asText();

            try (TributaryProcess sync = TributaryProcess.start(home, cli.environment(), "sync", id, "--entity",
                    "orders")) {
                assertThat(sync.waitFor(Duration.ofSeconds(90))).as(sync.stderr()).isZero();
                // the first page always gets its line: how far, how fast, how long still, and the records' counts
                assertThat(sync.stderr()).containsPattern(Pattern.compile(
                        "(?m)^  40% \\(100 of 250\\), \\d+/s, about \\d+ (s|min \\d+ s) left; 100 read: 100 new, 0 changed, "
                                + "0 unchanged$"));
                assertThat(sync.stderr()).doesNotContain("\r").doesNotContain("█");
                assertThat(sync.stdout()).startsWith("Run ").contains("250 read, 250 new");
            }

            try (TributaryProcess sync = TributaryProcess.startOnTerminal(home, cli.environment(), "sync", id,
                    "--entity", "orders", "--full")) {
                assertThat(sync.waitFor(Duration.ofSeconds(90))).as(sync.stdout()).isZero();
                String screen = sync.stdout();
                // the bar is redrawn in place (carriage returns), ends full, with done of total, elapsed / time left
                // and the rate; then the run's log line and its summary on lines of their own
                assertThat(screen).contains("\rorders  40% |").contains("\rorders 100% |")
                        .containsPattern(Pattern.compile("orders 100% \\|█+\\| 250/250 \\(\\d:\\d\\d:\\d\\d / "
                                + "\\d:\\d\\d:\\d\\d\\) (\\?|\\d+)/s"))
                        .doesNotContain("  40% (100 of 250)");
                int bar = screen.lastIndexOf("orders 100% |");
                assertThat(screen.indexOf("SyncEngine - sync connection", bar)).as("the log line after the bar")
                        .isPositive();
                assertThat(screen).contains("\nRun ").contains("250 read, 0 new, 0 changed, 250 unchanged");
            }
        }
    }
}
