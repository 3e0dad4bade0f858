package io.tributary.daemon;

import static org.awaitility.Awaitility.await;

import io.tributary.testkit.leaks.CredentialWatch;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/** {@code java -jar target/tributary.jar ARGS} as a separate process, for tests across processes. */
final class TributaryProcess implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    private TributaryProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts the jar in {@code currentDirectory} with only {@code environment} of Tributary's settings: variables
     * {@code TRIBUTARY_*}, {@code HOME} and {@code XDG_DATA_HOME} inherited from the build are dropped first.
     */
    static TributaryProcess startIn(Path currentDirectory, Path workDir, Map<String, String> environment,
            String... args) throws IOException {
        return start(currentDirectory, workDir, environment, true, false, args);
    }

    static TributaryProcess start(Path workDir, Map<String, String> environment, String... args) throws IOException {
        return start(null, workDir, environment, false, false, args);
    }

    /** As {@link #start(Path, Map, String...)} with a heap of at most {@code maxHeap} (e.g. {@code 48m}). */
    static TributaryProcess startWithHeap(String maxHeap, Path workDir, Map<String, String> environment,
            String... args) throws IOException {
        return start(null, workDir, environment, false, false, maxHeap, args);
    }

    /**
     * A process inherits ignored signals, and the JVM installs no handler for a SIGINT it was started ignoring: the
     * tests' build started as a background job of a script (SIGINT ignored there) would make every Ctrl-C test fail.
     * coreutils' {@code env --default-signal} gives the jar the default disposition a person's shell gives it.
     */
    private static final List<String> SIGNALS_AS_A_SHELL_GIVES_THEM = defaultSignals();

    private static List<String> defaultSignals() {
        List<String> prefix = List.of("/usr/bin/env", "--default-signal=INT,TERM");
        try {
            List<String> probeCommand = new ArrayList<>(prefix);
            probeCommand.add("true");
            Process probe = new ProcessBuilder(probeCommand).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor() == 0 ? prefix : List.of(); // an older env: signals as inherited
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static TributaryProcess start(Path currentDirectory, Path workDir, Map<String, String> environment,
            boolean clean, boolean terminal, String... args) throws IOException {
        return start(currentDirectory, workDir, environment, clean, terminal, "256m", args);
    }

    /**
     * Starts the jar on a terminal of its own: a pseudo-terminal that util-linux's {@code script} opens for it, as
     * a person's shell would. stdout and stderr both reach {@link #stdout()}, with the terminal's line ends.
     */
    static TributaryProcess startOnTerminal(Path workDir, Map<String, String> environment, String... args)
            throws IOException {
        if (!new File("/usr/bin/script").canExecute()) {
            throw new IllegalStateException("/usr/bin/script is missing: install util-linux's bsdutils package");
        }
        return start(null, workDir, environment, false, true, args);
    }

    private static TributaryProcess start(Path currentDirectory, Path workDir, Map<String, String> environment,
            boolean clean, boolean terminal, String maxHeap, String... args) throws IOException {
        File jar = new File("target/tributary.jar");
        if (!jar.isFile()) {
            throw new IllegalStateException("target/tributary.jar is missing: run the integration tests with "
                    + "`mvn verify`, which packages it first");
        }
        List<String> command = new ArrayList<>(SIGNALS_AS_A_SHELL_GIVES_THEM);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-jar");
        command.add(jar.getAbsolutePath());
        command.addAll(List.of(args));
        String name = args[0] + "-" + System.nanoTime();
        Path out = workDir.resolve(name + ".out");
        Path err = workDir.resolve(name + ".err");
        if (terminal) {
            String line = String.join(" ", command.stream().map(TributaryProcess::shellQuoted).toList());
            command = List.of("/usr/bin/script", "--quiet", "--flush", "--return", "--command", line, "/dev/null");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (currentDirectory != null) {
            builder.directory(currentDirectory.toFile());
        }
        if (clean) {
            builder.environment().keySet().removeIf(variable -> variable.startsWith("TRIBUTARY_") || variable.equals("HOME")
                    || variable.equals("XDG_DATA_HOME"));
        }
        builder.environment().putAll(environment);
        return new TributaryProcess(builder.start(), out, err);
    }

    private static String shellQuoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String stdout() {
        return read(out);
    }

    String stderr() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits until stderr contains {@code text}; fails with both streams when the process ends or time is up. */
    void awaitLog(String text, Duration timeout) {
        awaitLog(Pattern.compile(Pattern.quote(text)), timeout);
    }

    /**
     * Waits until stderr has a match of {@code pattern} and returns it (to read what the process chose, such as
     * the port it bound); fails with both streams when the process ends without one or time is up.
     */
    MatchResult awaitLog(Pattern pattern, Duration timeout) {
        try {
            return await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .failFast("the process ended", () -> !process.isAlive() && firstMatch(pattern) == null)
                    .until(() -> firstMatch(pattern), Objects::nonNull);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError("no '" + pattern + "' from the process (alive: " + process.isAlive()
                    + ")\nstdout:\n" + stdout() + "\nstderr:\n" + stderr(), e);
        }
    }

    private MatchResult firstMatch(Pattern pattern) {
        Matcher matcher = pattern.matcher(stderr());
        return matcher.find() ? matcher.toMatchResult() : null;
    }

    /** Waits for the exit code, failing when it takes longer than {@code timeout}. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the process did not end within " + timeout + "\nstderr:\n" + stderr());
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM, as systemd stops a service. */
    void terminate() {
        process.destroy();
    }

    /** Sends a signal by name ({@code INT} as Ctrl-C does, {@code TERM}) with the system's {@code kill}. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** SIGKILL: the process dies at once, mid-whatever. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Ends the process if it still runs; what it printed is scanned for the fake shops' credentials. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        CredentialWatch.scan("the stdout of the jar (" + out.getFileName() + ")", stdout());
        CredentialWatch.scan("the stderr of the jar (" + err.getFileName() + ")", stderr());
    }
}
