package io.tributary.daemon;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where the embedded database and the generated master key live: {@code TRIBUTARY_HOME} when set; else
 * {@code ./data} of the current directory when an earlier version left a database or key there (so nothing stored
 * is lost), with a one-line notice; else one place per user, {@code $XDG_DATA_HOME/tributary} or
 * {@code ~/.local/share/tributary}, whichever folder tributary is run from. The folder is owner-only (0700) and
 * its files 0600: the database holds customers' names and e-mail addresses.
 */
public record DataHome(Path path, Origin origin) {
    /** Why this folder. */
    public enum Origin { TRIBUTARY_HOME, LEGACY_DATA, PER_USER }

    public DataHome {
        requireNonNull(path, "path is null");
        requireNonNull(origin, "origin is null");
    }

    /** Resolves the folder from the environment ({@code HOME}, {@code XDG_DATA_HOME}) and the current directory. */
    public static DataHome resolve(Map<String, String> environment, Path currentDirectory) {
        String explicit = environment.get(DaemonConfig.HOME);
        if (explicit != null && !explicit.isBlank()) {
            return new DataHome(currentDirectory.resolve(explicit.trim()).toAbsolutePath().normalize(),
                    Origin.TRIBUTARY_HOME);
        }
        Path legacy = currentDirectory.resolve("data").toAbsolutePath().normalize();
        if (Files.isRegularFile(legacy.resolve("tributary.mv.db")) || Files.isRegularFile(legacy.resolve("master.key"))) {
            return new DataHome(legacy, Origin.LEGACY_DATA);
        }
        String xdg = environment.get("XDG_DATA_HOME");
        Path base;
        if (xdg != null && !xdg.isBlank() && Path.of(xdg.trim()).isAbsolute()) {
            base = Path.of(xdg.trim());
        } else {
            String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
            base = Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".local", "share");
        }
        return new DataHome(base.resolve("tributary").toAbsolutePath().normalize(), Origin.PER_USER);
    }

    /**
     * Makes sure the folder exists and is the owner's alone (0700, its files 0600), and says where it is when it
     * was just created, or when it is a ./data kept from an earlier version.
     */
    public void prepare(Consumer<String> notice) {
        boolean created = !Files.isDirectory(path);
        try {
            Files.createDirectories(path);
            if (posix()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Tributary's data folder " + path + " cannot be created: " + e.getMessage(),
                    e);
        }
        restrictFiles();
        if (origin == Origin.LEGACY_DATA) {
            notice.accept("Using the database and key in " + path + ", left there by an earlier version; new "
                    + "installations keep them in ~/.local/share/tributary (move the folder there, or set "
                    + DaemonConfig.HOME + ").");
        } else if (created) {
            notice.accept("Created Tributary's data folder " + path + " (owner-only) for its embedded database and "
                    + "master key" + (origin == Origin.PER_USER ? "; set " + DaemonConfig.HOME + " to use another."
                    : "."));
        }
    }

    /** Sets the folder's files to 0600 (the database files H2 created with the process's umask). */
    public void restrictFiles() {
        if (!posix() || !Files.isDirectory(path)) {
            return;
        }
        try (Stream<Path> files = Files.list(path)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The files of " + path + " cannot be made owner-only: " + e.getMessage(), e);
        }
    }

    private boolean posix() {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
