package io.tributary.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the master key: {@code TRIBUTARY_MASTER_KEY} (base64), else the file named by
 * {@code TRIBUTARY_MASTER_KEY_FILE}, else {@code master.key} in the home directory, created with owner-only
 * permissions on first use (and announced through {@code notice}).
 */
public final class MasterKeyLoader {
    public static final String KEY_VARIABLE = "TRIBUTARY_MASTER_KEY";
    public static final String KEY_FILE_VARIABLE = "TRIBUTARY_MASTER_KEY_FILE";
    public static final String DEFAULT_FILE_NAME = "master.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private MasterKeyLoader() {}

    public static MasterKey load(Map<String, String> environment, Path home, Consumer<String> notice) {
        String inline = environment.get(KEY_VARIABLE);
        if (inline != null && !inline.isBlank()) {
            return MasterKey.fromBase64(inline, KEY_VARIABLE);
        }
        String file = environment.get(KEY_FILE_VARIABLE);
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file.trim());
            if (!Files.isReadable(path)) {
                throw new SecretsException(KEY_FILE_VARIABLE + " names " + path + ", which does not exist or cannot "
                        + "be read.");
            }
            return read(path, KEY_FILE_VARIABLE + " (" + path + ")");
        }
        Path path = home.resolve(DEFAULT_FILE_NAME);
        if (Files.exists(path)) {
            return read(path, path.toString());
        }
        return create(path, notice);
    }

    /** Reads a key file holding the base64 key. */
    public static MasterKey read(Path path, String source) {
        try {
            return MasterKey.fromBase64(Files.readString(path, StandardCharsets.US_ASCII), source);
        } catch (IOException e) {
            throw new SecretsException("The master key file " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static MasterKey create(Path path, Consumer<String> notice) {
        MasterKey key = MasterKey.generate(path.toString());
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            writeOwnerOnly(path, key.toBase64() + "\n");
        } catch (FileAlreadyExistsException raced) {
            return read(path, path.toString());
        } catch (IOException e) {
            throw new SecretsException("A new master key could not be written to " + path + ": " + e.getMessage(), e);
        }
        notice.accept("Created a new master key in " + path + " (owner-only). Back it up: stored secrets cannot be "
                + "read without it. Set " + KEY_VARIABLE + " or " + KEY_FILE_VARIABLE + " to use another key.");
        return key;
    }

    /** Writes a new file readable and writable by its owner only; fails if it exists. */
    public static void writeOwnerOnly(Path path, String content) throws IOException {
        boolean posix = path.toAbsolutePath().getParent().getFileSystem().supportedFileAttributeViews()
                .contains("posix");
        if (posix) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(path);
        }
        Files.writeString(path, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
