package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.daemon.cli.CliContext;
import io.tributary.daemon.cli.TributaryCommand;
import io.tributary.daemon.cli.render.Output;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Every command prints its own usage with -h, --help and {@code help ...}, exits 0 and leaves the database alone;
 * every option says what it is; a usage mistake is one sentence. In-process over every command; {@code HelpIT}
 * runs the same through the jar.
 */
class CliHelpTest {
    @TempDir
    Path home;

    record Result(int exitCode, String out, String err) {}

    /** The usage text with its line wrapping undone. */
    private String usage(String... args) {
        return run(args).out().replaceAll("\\s+", " ");
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // no database URL: a command that opened the database would create the embedded one in TRIBUTARY_HOME
        int code = Main.execute(args, Map.of("TRIBUTARY_HOME", home.toString()),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static CommandLine root() {
        return new CommandLine(new TributaryCommand(new CliContext(Map.of(), InputStream.nullInputStream(),
                new Output(System.out, System.err))));
    }

    private static List<CommandLine> all(CommandLine command) {
        List<CommandLine> all = new ArrayList<>();
        all.add(command);
        command.getSubcommands().values().forEach(sub -> all.addAll(all(sub)));
        return all;
    }

    /** "connection add" for "tributary connection add". */
    private static List<String> path(CommandLine command) {
        List<String> path = new ArrayList<>(List.of(command.getCommandSpec().qualifiedName().split(" ")));
        path.remove(0);
        return path;
    }

    @Test
    void everyCommandPrintsItsOwnUsageThreeWaysWithoutTouchingTheDatabase() throws IOException {
        List<CommandLine> commands = all(root());
        assertThat(commands).hasSizeGreaterThan(20);
        for (CommandLine command : commands) {
            List<String> path = path(command);
            String usage = "Usage: " + command.getCommandSpec().qualifiedName() + " ";
            List<List<String>> ways = new ArrayList<>();
            ways.add(concat(path, "--help"));
            ways.add(concat(path, "-h"));
            ways.add(concat(List.of("help"), path.toArray(String[]::new)));
            if (path.size() == 2) {
                ways.add(List.of(path.get(0), "help", path.get(1)));
            }
            for (List<String> way : ways) {
                Result result = run(way.toArray(String[]::new));
                assertThat(result.exitCode()).as(String.join(" ", way) + "\n" + result.err()).isZero();
                assertThat(result.out()).as(String.join(" ", way)).startsWith(usage);
                assertThat(result.err()).as(String.join(" ", way)).isEmpty();
            }
        }
        try (Stream<Path> created = Files.list(home)) {
            assertThat(created).as("help opens no database and creates no key").isEmpty();
        }
    }

    private static List<String> concat(List<String> path, String... more) {
        List<String> all = new ArrayList<>(path);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void everyOptionAndParameterHasADescription() {
        List<String> undescribed = new ArrayList<>();
        for (CommandLine command : all(root())) {
            for (ArgSpec arg : command.getCommandSpec().args()) {
                String text = String.join(" ", arg.description()).strip();
                if (text.isEmpty()) {
                    undescribed.add(command.getCommandSpec().qualifiedName() + " " + arg.paramLabel());
                }
            }
        }
        assertThat(undescribed).isEmpty();
    }

    @Test
    void optionsWithAFewValuesNameThemAndTheirDefault() {
        assertThat(usage("sync", "--help")).contains("products (variations included), orders or customers");
        assertThat(usage("schedule", "set", "--help")).contains("hourly").contains("daily").contains("weekly")
                .contains("MON, TUE, WED").contains("default: TRIBUTARY_ZONE");
        assertThat(usage("runs", "--help")).contains("default: all");
        assertThat(usage("products", "--help")).contains("--sku=SKU").contains("default: any");
        assertThat(usage("orders", "--help")).contains("--status=STATUS").contains("default: any");
    }

    @Test
    void aMistypedOptionIsNamedWithTheOptionMeant() {
        Result result = run("connection", "add", "--sytem", "woocommerce", "--name", "A", "--url", "http://x");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("Error: Unknown option '--sytem' (did you mean --system?).");
        assertThat(result.out()).isEmpty();

        Result far = run("runs", "--colour");
        assertThat(far.err().strip()).isEqualTo("Error: Unknown option '--colour' for `tributary runs`; see "
                + "`tributary runs --help`.");

        Result command = run("conection", "list");
        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.err().strip()).isEqualTo("Error: Unknown command 'conection' (did you mean tributary "
                + "connection?).");

        Result group = run("connection");
        assertThat(group.exitCode()).isEqualTo(2);
        assertThat(group.err().strip()).startsWith("Error: `tributary connection` needs a command: add, verify, ");
    }

    @Test
    void aBadValueReadsOnceAndAsJsonWhenAsked() {
        Result result = run("connection", "add", "--system", "woocommerce", "--name", "A", "--url", "http://x",
                "--credential", "auth-mode");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Value for option '--credential'").doesNotContain("option option");

        Result json = run("sync", "1", "--entity", "foo", "--json");
        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.out()).contains("\"error\" : \"Invalid value for option '--entity': Unknown entity 'foo'")
                .contains("\"exitCode\" : 2");
    }
}
