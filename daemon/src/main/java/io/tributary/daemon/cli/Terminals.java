package io.tributary.daemon.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether this process talks to a person: Java 17 can only tell that stdin and stdout both are a terminal
 * ({@code System.console()}), and from Java 22 on not even that; a progress bar needs to know it of stderr alone
 * ({@code tributary sync 1 2>sync.log} writes lines, not a bar, into the file).
 */
final class Terminals {
    private Terminals() {}

    /** Whether {@code err} is this process's stderr and that is a terminal. */
    static boolean isTerminal(PrintStream err) {
        return err == System.err && isTerminal(2);
    }

    /** Whether stdin and stdout are terminals: a question can be asked and answered. */
    static boolean canAsk() {
        return isTerminal(0) && isTerminal(1) && System.console() != null;
    }

    /** The terminal's width in columns: {@code COLUMNS} when the shell exports it, else 80. */
    static int width(Map<String, String> environment) {
        try {
            int columns = Integer.parseInt(environment.getOrDefault("COLUMNS", "80").strip());
            return columns >= 40 ? columns : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /**
     * Whether file descriptor {@code fd} is a terminal, from the device Linux names for it; where there is no
     * {@code /proc} (macOS), whether Java sees a console.
     */
    static boolean isTerminal(int fd) {
        try {
            String device = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
