package io.tributary.daemon.cli;

import io.tributary.secret.MasterKey;
import io.tributary.secret.MasterKeyLoader;
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
        subcommands = {SecretsCommand.InitKey.class, UsageHelpCommand.class})
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
}
