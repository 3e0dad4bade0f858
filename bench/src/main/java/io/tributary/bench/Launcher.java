package io.tributary.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How the benchmark starts the {@code tributary} command: as a user does, through the checkout's {@code ./tributary}
 * launcher script — with the class-data archive (AppCDS) it makes after each build, JVM options through
 * {@code TRIBUTARY_JAVA_OPTS} — over the packaged jar given. The script runs from a folder of the benchmark's own,
 * a copy beside a link to the jar, so that its archive is made there (by one training run before the first
 * measurement) and not in the checkout. Without a packaged jar (a test before packaging) the main class runs from
 * this class path, with {@code java} directly.
 */
final class Launcher {
    private final Path script;
    private final String cds;
    private final String description;

    private Launcher(Path script, String cds, String description) {
        this.script = script;
        this.cds = cds;
        this.description = description;
    }

    /**
     * Sets the launcher up in {@code work} and runs it once ({@code --version}, untimed), which makes its archive.
     * {@code TRIBUTARY_CDS} of the benchmark's environment is passed on ({@code off}: measured without the archive).
     */
    static Launcher prepare(BenchOptions options, Path work) throws IOException, InterruptedException {
        Path jar = options.tributaryJar();
        if (!Files.isRegularFile(jar)) {
            return new Launcher(null, null, "`java -cp` of the benchmark's class path, main class "
                    + "io.tributary.daemon.Main: no packaged jar at " + jar + ", so no launcher script and no "
                    + "class-data archive");
        }
        if (!Files.isRegularFile(options.launcher())) {
            throw new IllegalArgumentException("No launcher script at " + options.launcher().toAbsolutePath()
                    + ": run the benchmark from the checkout's folder, or name it with --launcher FILE.");
        }
        Path root = Files.createDirectories(work.resolve("launcher"));
        Path target = Files.createDirectories(root.resolve("daemon").resolve("target"));
        Path script = root.resolve("tributary");
        Files.copy(options.launcher(), script, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(target.resolve("tributary.jar"), jar.toAbsolutePath());
        String cds = System.getenv("TRIBUTARY_CDS");
        Launcher launcher = new Launcher(script, cds, null);

        ProcessBuilder first = launcher.builder(List.of(), List.of("--version")).redirectErrorStream(true)
                .redirectOutput(work.resolve("launcher-first-run.txt").toFile());
        long start = System.nanoTime();
        Process process = first.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("./tributary --version did not end within 10 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("./tributary --version failed (exit " + process.exitValue() + "): "
                    + Files.readString(work.resolve("launcher-first-run.txt")));
        }
        String how = String.format(Locale.ROOT, "`%s` (the launcher script, as a user runs it; JVM options in "
                + "TRIBUTARY_JAVA_OPTS) over %s, ", options.launcher(), jar);
        if (Files.isRegularFile(target.resolve("tributary.jsa"))) {
            how += String.format(Locale.ROOT, "with its class-data archive (AppCDS), made by its training run "
                    + "before the first measurement (that first launch, training included: %.1f s)", seconds);
        } else if ("off".equals(cds)) {
            how += "without its class-data archive (TRIBUTARY_CDS=off)";
        } else {
            how += "without a class-data archive: its training run made none";
        }
        return new Launcher(script, cds, how);
    }

    /** Which launch was measured, for the report. */
    String description() {
        return description;
    }

    /**
     * A process of {@code tributary ARGUMENTS} with {@code jvmOptions}, its environment without the benchmark's
     * {@code TRIBUTARY_*} and {@code JAVA_TOOL_OPTIONS} (the caller adds the settings it means).
     */
    ProcessBuilder builder(List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (script == null) {
            command.add(Jvm.java());
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", Jvm.classPath(), "io.tributary.daemon.Main"));
        } else {
            command.add(script.toString());
        }
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("TRIBUTARY_") || name.startsWith("JAVA_TOOL"));
        if (script != null) {
            for (String option : jvmOptions) {
                if (option.isBlank() || option.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("The launcher splits TRIBUTARY_JAVA_OPTS at spaces: '"
                            + option + "' cannot be passed (a folder without spaces for --profile?)");
                }
            }
            if (!jvmOptions.isEmpty()) {
                environment.put("TRIBUTARY_JAVA_OPTS", String.join(" ", jvmOptions));
            }
            if (cds != null) {
                environment.put("TRIBUTARY_CDS", cds);
            }
            // the launcher runs the java of its PATH: this JDK's, as without it
            environment.put("PATH", Path.of(Jvm.java()).getParent() + ":" + environment.getOrDefault("PATH", ""));
        }
        return builder;
    }
}
