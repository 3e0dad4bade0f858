package io.tributary.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The test suite's own MariaDB server, for a machine where none answers on 127.0.0.1:3306 (as database projects
 * run a temporary instance for their tests): a data directory under {@code target/}, {@code mariadb-install-db},
 * then {@code mariadbd} on a free port of the loopback, stopped (and its directory deleted) when the test JVM
 * exits. One per test JVM, started on first use. When a server answers on 3306 it is used and nothing is started;
 * when the MariaDB binaries are missing every MariaDB test fails at once with one sentence naming the package.
 */
final class ThrowawayMariaDb {
    static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/test";
    static final String INSTALL = "No MariaDB server answers for the tests (127.0.0.1:3306) and MariaDB is not "
            + "installed to start a throwaway one for the tests: install the package mariadb-server (Debian/Ubuntu: "
            + "sudo apt-get install -y mariadb-server).";

    private static String url;
    private static RuntimeException failure;

    private ThrowawayMariaDb() {}

    /** A running throwaway server: its URL (database {@code test}) and how to stop it. */
    record Server(String url, int port, Process process, Path dir, Path socketDir) {
        /** Stops mariadbd (SIGTERM: a clean shutdown) and deletes its directories. */
        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
                delete(dir);
                delete(socketDir);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * {@code configured}, unless it names a port of this machine's loopback that nothing answers on (a fresh
     * machine, where 127.0.0.1:3306 is the default): then a throwaway server's, started once for this JVM.
     */
    static synchronized String serverUrl(String configured) {
        java.util.regex.Matcher loopback = java.util.regex.Pattern
                .compile("jdbc:mariadb://(127\\.0\\.0\\.1|localhost):(\\d+)/.*").matcher(configured);
        if (!loopback.matches() || answers("127.0.0.1", Integer.parseInt(loopback.group(2)))) {
            return configured;
        }
        if (failure != null) {
            throw failure;
        }
        if (url == null) {
            try {
                Path[] binaries = binaries(System.getenv().getOrDefault("PATH", ""), SYSTEM_DIRECTORIES);
                Server server = launch(Path.of("target", "test-mariadb-" + ProcessHandle.current().pid()),
                        binaries[0], binaries[1]);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.stop();
                    } catch (RuntimeException e) {
                        // the JVM is exiting: a directory left under target/ goes with the next `mvn clean`
                    }
                }, "throwaway-mariadb-stop"));
                System.err.println("[tests] nothing answers at " + configured + ": started a throwaway MariaDB on "
                        + "port " + server.port() + " (" + server.dir() + "), stopped when the tests end");
                url = server.url();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return url;
    }

    static final List<String> SYSTEM_DIRECTORIES = List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin",
            "/usr/local/bin", "/usr/libexec", "/usr/local/mysql/bin", "/usr/local/mysql/scripts");

    /** mariadbd and mariadb-install-db, from {@code path} or {@code directories}; one sentence when missing. */
    static Path[] binaries(String path, List<String> directories) {
        Path server = binary("mariadbd", path, directories).orElseThrow(() -> new IllegalStateException(INSTALL));
        Path installDb = binary("mariadb-install-db", path, directories)
                .orElseThrow(() -> new IllegalStateException(INSTALL));
        return new Path[] {server, installDb};
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates a data directory in {@code dir} (emptied first) and starts mariadbd on it, on a free port. */
    static Server launch(Path dir, Path server, Path installDb) {
        dir = dir.toAbsolutePath();
        Path data = dir.resolve("data");
        Process process = null;
        try {
            delete(dir);
            Files.createDirectories(dir);
            // a socket path must stay short (108 bytes): keep it out of a deep target/
            Path socketDir = Files.createTempDirectory("tributary-mariadb-");
            List<String> user = "root".equals(System.getProperty("user.name")) ? List.of("--user=root") : List.of();
            // the install runs a bootstrap server, which also clears the #sql files of its tmpdir at start: in the
            // shared /tmp those are the live temporary tables of the machine's own server (seen: ExportIT's listing
            // failed with "Error on delete of '/tmp/#sql-temptable-….MAI'" while an outage test installed its server)
            Path tmp = Files.createDirectories(dir.resolve("tmp"));
            List<String> install = new ArrayList<>(List.of(installDb.toString(), "--no-defaults",
                    "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db",
                    "--tmpdir=" + tmp));
            install.addAll(user);
            run(install, dir.resolve("install.log"));
            int port = freePort();
            process = startMariadbd(server, dir, port, socketDir);
            Server started = new Server("jdbc:mariadb://127.0.0.1:" + port + "/test", port, process, dir, socketDir);
            awaitReady(process, port, dir);
            try (Connection admin = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
                    Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE IF NOT EXISTS test");
            }
            return started;
        } catch (IOException e) {
            stopQuietly(process);
            throw new UncheckedIOException("Starting the tests' throwaway MariaDB in " + dir + " failed", e);
        } catch (SQLException e) {
            stopQuietly(process);
            throw new IllegalStateException("The tests' throwaway MariaDB in " + dir + " started but refused "
                    + "root: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            stopQuietly(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the tests' throwaway MariaDB", e);
        } catch (RuntimeException e) {
            stopQuietly(process);
            throw e;
        }
    }

    /** Starts mariadbd on the data directory of {@code dir} (made by {@link #launch}), on {@code port}. */
    static Process startMariadbd(Path server, Path dir, int port, Path socketDir) throws IOException {
        // a temporary directory of its own: a server starting removes the #sql temporary files it finds in its
        // tmpdir, and in the shared /tmp those are the live sort files of the machine's own server
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(server.toString(), "--no-defaults",
                "--datadir=" + dir.resolve("data"), "--tmpdir=" + tmp, "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + socketDir.resolve("mariadbd.sock"), "--pid-file=" + dir.resolve("mariadbd.pid"),
                "--log-error=" + dir.resolve("server.log"), "--innodb-buffer-pool-size=64M",
                "--innodb-flush-log-at-trx-commit=2", "--max-connections=1000"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mariadbd.out").toFile())).start();
    }

    private static void stopQuietly(Process process) {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private static Optional<Path> binary(String name, String path, List<String> directories) {
        List<Path> candidates = new ArrayList<>();
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                candidates.add(Path.of(entry, name));
            }
        }
        for (String directory : directories) {
            candidates.add(Path.of(directory, name));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish within 120 s; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed (exit " + process.exitValue() + "): "
                    + tail(log));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void awaitReady(Process process, int port, Path dir) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The tests' throwaway mariadbd exited at once (exit "
                        + process.exitValue() + "): " + tail(dir.resolve("server.log")));
            }
            if (answers("127.0.0.1", port)) {
                return;
            }
            process.waitFor(100, TimeUnit.MILLISECONDS); // returns early only if it exits
        }
        throw new IllegalStateException("The tests' throwaway mariadbd did not answer on port " + port
                + " within 60 s: " + tail(dir.resolve("server.log")));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
