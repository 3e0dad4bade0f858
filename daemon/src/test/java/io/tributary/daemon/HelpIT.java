package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 12's help complaints, through the real jar: each prints the usage it names, exit 0, no database opened. */
class HelpIT {
    @TempDir
    Path home;

    @TempDir
    Path logs;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "connection add --help | tributary connection add",
        "sync -h               | tributary sync",
        "connection help add   | tributary connection add",
        "help connection add   | tributary connection add",
        "help                  | tributary",
        "schedule set --help   | tributary schedule set"})
    void printsTheUsageOfTheCommandNamed(String arguments, String command) throws Exception {
        try (TributaryProcess process = TributaryProcess.start(logs, Map.of("TRIBUTARY_HOME", home.toString()),
                arguments.split(" "))) {
            assertThat(process.waitFor(Duration.ofSeconds(60))).as(process.stderr()).isZero();
            assertThat(process.stdout()).startsWith("Usage: " + command + " ");
            assertThat(process.stderr()).isEmpty();
        }
        try (Stream<Path> created = Files.list(home)) {
            assertThat(created).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "connection add --sytem woocommerce --name A --url http://x | Error: Unknown option '--sytem' (did you mean "
                + "--system?).",
        "connection add --system woocommerce --name A --url http://x --credential mode | Error: Value for option "
                + "'--credential' (KEY=VALUE) should be in KEY=VALUE format but was mode"})
    void aUsageMistakeIsOneSentenceAndExit2(String arguments, String sentence) throws Exception {
        try (TributaryProcess process = TributaryProcess.start(logs, Map.of("TRIBUTARY_HOME", home.toString()),
                arguments.split(" "))) {
            assertThat(process.waitFor(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(process.stderr().strip()).isEqualTo(sentence);
            assertThat(process.stdout()).isEmpty();
        }
    }
}
