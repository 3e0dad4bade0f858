package io.tributary.daemon.cli;

import static java.util.Objects.requireNonNull;

import io.tributary.daemon.cli.render.Output;
import io.tributary.run.SyncRun;
import io.tributary.sync.SyncEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM while {@code tributary sync} runs. The JVM's own handling would exit at once and
 * leave the run RUNNING and its lease held; instead the first signal stops the sync at its next page boundary, as
 * the daemon does (the run is STOPPED, its cursor committed, its lease released) and the command exits
 * 128 + the signal's number (130 for Ctrl-C, 143 for SIGTERM). A second signal aborts at once: the lease is
 * released, the run closed as STOPPED with what it committed, and the process exits with that code. A signal while
 * the command waits between two runs of a read the system is still preparing ends the wait at once.
 */
final class SyncInterrupts implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final SyncEngine engine;
    private final Output out;
    private final List<Signal> installed = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private final AtomicInteger received = new AtomicInteger();
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private volatile int exitCode;

    private SyncInterrupts(SyncEngine engine, Output out) {
        this.engine = requireNonNull(engine, "engine is null");
        this.out = requireNonNull(out, "out is null");
    }

    static SyncInterrupts install(SyncEngine engine, Output out) {
        SyncInterrupts interrupts = new SyncInterrupts(engine, out);
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            interrupts.previous.add(Signal.handle(signal, interrupts::handle));
            interrupts.installed.add(signal);
        }
        return interrupts;
    }

    private void handle(Signal signal) {
        if (received.incrementAndGet() == 1) {
            exitCode = 128 + signal.getNumber();
            engine.requestStop();
            interrupted.countDown();
            out.note("Interrupted (SIG" + signal.getName() + "): stopping at the next page boundary; the run keeps "
                    + "what it stored and the next sync continues from there. Interrupt again to abort at once.");
            return;
        }
        List<SyncRun> closed = engine.abortRunning();
        out.note("Aborted: " + (closed.isEmpty() ? "no run was open"
                : "run " + closed.stream().map(run -> Long.toString(run.id())).reduce((a, b) -> a + ", " + b)
                        .orElseThrow() + " closed as STOPPED")
                + ", lease released.");
        // System.exit, not halt: the embedded database writes what was committed on its way out
        System.exit(exitCode);
    }

    /**
     * Waits {@code duration} between two runs of a read the system is still preparing (no run is open then, so a
     * signal has nothing to stop); false when a signal came first.
     */
    boolean waitUnlessInterrupted(Duration duration) {
        try {
            return !interrupted.await(Math.max(0, duration.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** 0 when no signal came, else the exit code the command ends with. */
    int exitCode() {
        return received.get() == 0 ? 0 : exitCode;
    }

    @Override
    public void close() {
        for (int i = 0; i < installed.size(); i++) {
            Signal.handle(installed.get(i), previous.get(i));
        }
    }
}
