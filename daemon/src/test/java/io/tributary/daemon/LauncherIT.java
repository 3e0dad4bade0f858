package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.testkit.leaks.CredentialWatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./tributary} launcher of the checkout, run as a user runs it, with its class-data archive (AppCDS) in a
 * folder of the test's ({@code TRIBUTARY_CDS_ARCHIVE}), not in daemon/target: the first run makes the archive with a
 * training run, the next ones map it, and none of this shows in what a command prints — a stale or damaged archive,
 * a failed training included.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("..", "tributary").toAbsolutePath().normalize();
    private static final Path JAR = Path.of("target", "tributary.jar").toAbsolutePath();

    @TempDir
    Path tmp;

    private Path archive;
    private Path home;

    private record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void folders() throws IOException {
        assertThat(JAR).as("run with `mvn verify`, which packages the jar first").isRegularFile();
        assertThat(LAUNCHER).isExecutable();
        archive = Files.createDirectories(tmp.resolve("archive")).resolve("tributary.jsa");
        home = tmp.resolve("home");
        Files.createDirectories(tmp.resolve("tmp"));
        Files.createDirectories(tmp.resolve("etc"));
    }

    private Run launch(Map<String, String> extra, String... args) throws Exception {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .directory(tmp.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("TRIBUTARY_") || name.startsWith("JAVA_TOOL")
                || name.equals("XDG_DATA_HOME"));
        // this JDK's java first, as the launcher finds it on the PATH
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + environment.get("PATH"));
        environment.put("TMPDIR", tmp.resolve("tmp").toString());
        environment.put("TRIBUTARY_HOME", home.toString());
        environment.put("TRIBUTARY_CONFIG_DIR", tmp.resolve("etc").toString());
        environment.put("TRIBUTARY_CDS_ARCHIVE", archive.toString());
        environment.putAll(extra);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("./tributary " + String.join(" ", args) + " did not end in 3 minutes");
        }
        Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        CredentialWatch.scan("the launcher's stdout", run.out());
        CredentialWatch.scan("the launcher's stderr", run.err());
        return run;
    }

    private Run launch(String... args) throws Exception {
        return launch(Map.of(), args);
    }

    /** The same command without the archive: what every run must print. */
    private Run reference(String... args) throws Exception {
        return launch(Map.of("TRIBUTARY_CDS", "off"), args);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theFirstRunMakesTheArchiveTheNextMapItAndTheOutputIsTheSame() throws Exception {
        Run version = reference("--version");
        reference("connection", "list"); // makes the data folder, which says so once
        Run list = reference("connection", "list", "--json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(new ObjectMapper().readTree(list.out()).isArray()).isTrue();
        assertThat(archive).as("TRIBUTARY_CDS=off").doesNotExist();
        List<String> homeBefore = names(home);

        Run first = launch("connection", "list", "--json");
        assertThat(first).isEqualTo(list);
        assertThat(archive).as("made by the first run").isRegularFile();
        assertThat(names(archive.getParent())).as("no temporary file left beside it").containsExactly("tributary.jsa");
        assertThat(names(tmp.resolve("tmp"))).as("the training run's throwaway folder is gone").isEmpty();
        assertThat(names(home)).as("the training run did not use the user's data folder").isEqualTo(homeBefore);
        assertThat(names(tmp)).as("nor the current folder").doesNotContain("data");
        FileTime made = Files.getLastModifiedTime(archive);

        Path classes = tmp.resolve("classes.log");
        Run second = launch(Map.of("TRIBUTARY_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
                "connection", "list", "--json");
        assertThat(second).isEqualTo(list);
        assertThat(Files.getLastModifiedTime(archive)).as("not made again").isEqualTo(made);
        assertThat(Files.readString(classes)).as("Tributary's classes come from the archive")
                .contains("io.tributary.daemon.Main source: shared objects file (top)");

        assertThat(launch("--version")).isEqualTo(version);
    }

    @Test
    void aDamagedOrStaleArchiveChangesNothingThatIsPrinted() throws Exception {
        reference("connection", "list"); // the data folder made
        Run list = reference("connection", "list", "--json");

        // not an archive at all, newer than the jar: the JVM refuses it, quietly (its warning would go to stdout)
        Files.writeString(archive, "not a class-data archive");
        assertThat(launch("connection", "list", "--json")).isEqualTo(list);
        assertThat(Files.readString(archive)).as("newer than the jar: left alone").isEqualTo(
                "not a class-data archive");

        // older than the jar: made again by a training run
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
        assertThat(launch("connection", "list", "--json")).isEqualTo(list);
        assertThat(Files.size(archive)).as("a real archive now").isGreaterThan(1_000_000);
        assertThat(Files.getLastModifiedTime(archive).toInstant()).isAfter(Files.getLastModifiedTime(JAR).toInstant());
        assertThat(launch("connection", "list", "--json")).isEqualTo(list);
    }

    @Test
    void aTrainingRunThatFailsLeavesTheCommandAloneAndIsNotRepeated() throws Exception {
        reference("connection", "list");
        Run list = reference("connection", "list", "--json");
        // a java that fails the training run, noisily, and counts its calls
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path calls = tmp.resolve("java-calls");
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n"
                + "case \"$*\" in *ArchiveClassesAtExit*) echo training noise; echo training error >&2; exit 3;; esac\n"
                + "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> failing = new HashMap<>();
        failing.put("PATH", bin + ":" + System.getenv("PATH"));

        assertThat(launch(failing, "connection", "list", "--json")).isEqualTo(list);
        assertThat(archive).doesNotExist();
        assertThat(Files.readAllLines(calls)).hasSize(2).first().asString().contains("ArchiveClassesAtExit");
        assertThat(launch(failing, "connection", "list", "--json")).isEqualTo(list);
        assertThat(Files.readAllLines(calls)).as("no second training for the same jar").hasSize(3);
        assertThat(names(archive.getParent())).containsExactly("tributary.jsa.failed");

        // an archive folder that is not there: no archive, no word
        assertThat(launch(Map.of("TRIBUTARY_CDS_ARCHIVE", tmp.resolve("none/tributary.jsa").toString()),
                "connection", "list", "--json")).isEqualTo(list);
        assertThat(tmp.resolve("none")).doesNotExist();
    }
}
