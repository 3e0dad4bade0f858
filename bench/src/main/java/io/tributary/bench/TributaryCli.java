package io.tributary.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the {@code tributary} command as a user does: a new JVM per command, started by the {@link Launcher} (the
 * checkout's {@code ./tributary} script over the packaged jar, with its class-data archive), at default settings
 * (no {@code TRIBUTARY_*} variable but where the database and the data folder are), timed from process start to
 * exit. Without the jar (a test run before packaging) the same main class runs from this class path.
 */
final class TributaryCli {
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");

    /** One command's outcome: exit code, output, how long it took and how much memory it held at most. */
    record Outcome(int exit, String stdout, String stderr, double seconds, long peakRssKiB, long peakHeapMiB,
            long peakLiveHeapMiB) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(stdout);
            } catch (IOException e) {
                throw new IllegalStateException("tributary printed no JSON: " + stdout + stderr, e);
            }
        }

        Outcome requireSuccess(String what) {
            if (exit != 0) {
                throw new IllegalStateException(what + " failed (exit " + exit + "): " + stderr + stdout);
            }
            return this;
        }
    }

    private final Launcher launcher;
    private final Path home;
    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;

    TributaryCli(Launcher launcher, Path home, String dbUrl, String dbUser, String dbPassword) {
        this.launcher = requireNonNull(launcher, "launcher is null");
        this.home = requireNonNull(home, "home is null");
        this.dbUrl = requireNonNull(dbUrl, "dbUrl is null");
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
    }

    Outcome run(List<String> jvmOptions, List<String> arguments) throws IOException, InterruptedException {
        List<String> jvm = new ArrayList<>(jvmOptions);
        Path gcLog = Files.createTempFile(home, "gc", ".log");
        jvm.add("-Xlog:gc:file=" + gcLog);
        Path stdout = Files.createTempFile(home, "out", ".txt");
        Path stderr = Files.createTempFile(home, "err", ".txt");
        ProcessBuilder builder = launcher.builder(jvm, arguments).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("TRIBUTARY_HOME", home.toString());
        environment.put("TRIBUTARY_DB_URL", dbUrl);
        environment.put("TRIBUTARY_DB_USER", dbUser);
        environment.put("TRIBUTARY_DB_PASSWORD", dbPassword);
        long start = System.nanoTime();
        Process process = builder.start();
        long peakRss = 0;
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        while (!process.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            peakRss = Math.max(peakRss, highWaterMark(status));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] heap = heapPeaks(gcLog);
        Outcome outcome = new Outcome(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8), seconds, peakRss, heap[0], heap[1]);
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
        Files.deleteIfExists(gcLog);
        return outcome;
    }

    /** The process's peak resident set (VmHWM) in KiB; 0 where /proc is not there or the process is gone. */
    private static long highWaterMark(Path status) {
        try {
            Matcher matcher = HWM.matcher(Files.readString(status));
            return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The most heap in use before any collection, and the most still in use after one, from the GC log (MiB). */
    private static long[] heapPeaks(Path gcLog) throws IOException {
        long used = 0;
        long live = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher matcher = GC_LINE.matcher(line);
            if (matcher.find() && line.contains("Pause")) {
                used = Math.max(used, Long.parseLong(matcher.group(1)));
                live = Math.max(live, Long.parseLong(matcher.group(2)));
            }
        }
        return new long[] {used, live};
    }
}
