package io.tributary.daemon.cli;

import io.tributary.secret.MasterKey;
import io.tributary.secret.MasterKeyLoader;
import io.tributary.secret.SecretCipher;
import io.tributary.secret.SecretsException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "secrets", description = "Manage the master key that encrypts stored credentials.",
        subcommands = {SecretsCommand.InitKey.class, SecretsCommand.RotateKey.class, UsageHelpCommand.class})
final class SecretsCommand {

    @Command(name = "init-key", description = "Create a new master key in FILE, readable by its owner only, for "
            + "TRIBUTARY_MASTER_KEY_FILE (e.g. on servers sharing one MariaDB database). Refuses to overwrite a file. "
            + "Opens no database.")
    static final class InitKey extends CliCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "The key file to create (its folder is created "
                + "if missing).")
        Path file;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            Path path = file.toAbsolutePath().normalize();
            MasterKey key = newKeyFile(path);
            if (json.enabled()) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("file", path.toString());
                document.put("keyId", key.id());
                out().json(document);
            } else {
                out().line("Created master key " + key.id() + " in " + path + " (owner-only). Back it up; use it with "
                        + MasterKeyLoader.KEY_FILE_VARIABLE + "=" + path);
            }
            return OK;
        }
    }

    @Command(name = "rotate-key", description = "Re-encrypt every stored secret with the master key in FILE, in one "
            + "transaction (all or nothing): afterwards only that key opens them. FILE is created (owner-only) when "
            + "missing. When the key in use is the default file of the data folder, that file is replaced by the new "
            + "key (after the commit); otherwise point TRIBUTARY_MASTER_KEY_FILE at FILE.")
    static final class RotateKey extends CliCommand {
        @picocli.CommandLine.Option(names = "--new-key-file", required = true, paramLabel = "FILE",
                description = "The new master key: a file made by 'secrets init-key', or a path where one is created.")
        Path file;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            Path path = file.toAbsolutePath().normalize();
            boolean created = !Files.exists(path);
            MasterKey next = created ? newKeyFile(path) : MasterKeyLoader.read(path, path.toString());
            MasterKey current = app().cipher().key();
            if (current.id().equals(next.id())) {
                throw new SecretsException(path + " holds master key " + next.id() + ", the key in use already; give "
                        + "a new key (tributary secrets init-key FILE makes one).");
            }
            int resealed = app().connections().reseal(new SecretCipher(next));
            Path defaultFile = app().config().home().resolve(MasterKeyLoader.DEFAULT_FILE_NAME).toAbsolutePath();
            boolean replacedDefault = current.source().equals(defaultFile.toString())
                    || current.source().equals(app().config().home().resolve(MasterKeyLoader.DEFAULT_FILE_NAME)
                            .toString());
            if (replacedDefault) {
                replace(defaultFile, next);
            }
            if (json.enabled()) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("connections", resealed);
                document.put("oldKeyId", current.id());
                document.put("newKeyId", next.id());
                document.put("keyFile", (replacedDefault ? defaultFile : path).toString());
                out().json(document);
            } else {
                out().line("Re-encrypted the secrets of " + resealed + " connection" + (resealed == 1 ? "" : "s")
                        + " with master key " + next.id() + (created ? " (created in " + path + ")" : "")
                        + "; key " + current.id() + " opens nothing any more.");
                out().line(replacedDefault ? "The default key file " + defaultFile + " now holds key " + next.id()
                        + "." : "From now on run Tributary with " + MasterKeyLoader.KEY_FILE_VARIABLE + "=" + path
                        + " (every node).");
            }
            return OK;
        }

        /** Puts the new key in place of the default file in one rename, so the file always holds a whole key. */
        private static void replace(Path defaultFile, MasterKey next) {
            Path fresh = defaultFile.resolveSibling(defaultFile.getFileName() + ".new");
            try {
                Files.deleteIfExists(fresh);
                MasterKeyLoader.writeOwnerOnly(fresh, next.toBase64() + "\n");
                Files.move(fresh, defaultFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new SecretsException("The secrets are now encrypted with key " + next.id() + ", but " + defaultFile
                        + " could not be replaced (" + e.getMessage() + "): use " + MasterKeyLoader.KEY_FILE_VARIABLE
                        + " with the new key's file.", e);
            }
        }
    }

    /** A new master key in a new owner-only file at {@code path} (its folder made if missing); never overwrites. */
    static MasterKey newKeyFile(Path path) {
        MasterKey key = MasterKey.generate(path.toString());
        try {
            Files.createDirectories(path.getParent());
            MasterKeyLoader.writeOwnerOnly(path, key.toBase64() + "\n");
        } catch (FileAlreadyExistsException e) {
            throw new SecretsException(path + " exists already; a key file is never overwritten (stored secrets "
                    + "would become unreadable). Remove it first if it really is unused.");
        } catch (IOException e) {
            throw new SecretsException("The master key file " + path + " cannot be written: " + e.getMessage(), e);
        }
        return key;
    }
}
