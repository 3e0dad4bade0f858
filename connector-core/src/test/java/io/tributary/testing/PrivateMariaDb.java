package io.tributary.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of one test's own, which the test may stop and start again on the same port and data — the
 * real server process, for outage tests that must not touch the server every other test shares. Built like the
 * throwaway server ({@code mariadb-install-db}, then {@code mariadbd} on a free loopback port); deleted on close.
 */
public final class PrivateMariaDb implements AutoCloseable {
    private final Path mariadbd;
    private final ThrowawayMariaDb.Server first;
    private Process process;

    private PrivateMariaDb(Path mariadbd, ThrowawayMariaDb.Server first) {
        this.mariadbd = mariadbd;
        this.first = first;
        this.process = first.process();
    }

    /** Installs and starts a server with its data under {@code dir}. */
    public static PrivateMariaDb start(Path dir) {
        Path[] binaries = ThrowawayMariaDb.binaries(System.getenv().getOrDefault("PATH", ""),
                ThrowawayMariaDb.SYSTEM_DIRECTORIES);
        return new PrivateMariaDb(binaries[0], ThrowawayMariaDb.launch(dir, binaries[0], binaries[1]));
    }

    /** {@code jdbc:mariadb://127.0.0.1:PORT/test}, user root with an empty password. */
    public String url() {
        return first.url();
    }

    /** Stops the server process as an operator or a crash would: {@code kill} (SIGTERM), waiting for it to exit. */
    public synchronized void stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the test's MariaDB", e);
        }
    }

    /** Starts the server again, on the same port and data, and waits until it answers. */
    public synchronized void restart() {
        try {
            process = ThrowawayMariaDb.startMariadbd(mariadbd, first.dir(), first.port(), first.socketDir());
            ThrowawayMariaDb.awaitReady(process, first.port(), first.dir());
        } catch (IOException e) {
            throw new UncheckedIOException("restarting the test's MariaDB failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting the test's MariaDB", e);
        }
    }

    public synchronized boolean running() {
        return process.isAlive();
    }

    @Override
    public synchronized void close() {
        stop();
        try {
            ThrowawayMariaDb.delete(first.dir());
            ThrowawayMariaDb.delete(first.socketDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
