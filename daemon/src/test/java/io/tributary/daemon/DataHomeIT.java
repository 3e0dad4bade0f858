package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the jar keeps its embedded database and key, run from different folders as a new operator would: one
 * owner-only folder per user, ./data of an earlier version kept, listings without the key, and a key file made by
 * {@code secrets init-key} for the MariaDB recipe.
 */
class DataHomeIT {
    private static final String KEY = "ck_" + "a".repeat(40);
    private static final String SECRET = "cs_" + "b".repeat(40);

    @TempDir
    Path tmp;

    private record Run(int exitCode, String out, String err) {}

    private Run run(Path folder, Map<String, String> environment, String... args) throws Exception {
        Files.createDirectories(folder);
        try (TributaryProcess process = TributaryProcess.startIn(folder, tmp, environment, args)) {
            int code = process.waitFor(Duration.ofSeconds(90));
            return new Run(code, process.stdout(), process.stderr());
        }
    }

    private static String[] add(String name) {
        return new String[] {"connection", "add", "--system", "woocommerce", "--name", name, "--url",
            "https://shop.example", "--access-token", KEY, "--secret", SECRET};
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    @Test
    void onePerUserFolderWhateverTheCurrentOneOwnerOnly() throws Exception {
        Map<String, String> environment = Map.of("HOME", tmp.resolve("home").toString());
        Path data = tmp.resolve("home/.local/share/tributary");

        Run first = run(tmp.resolve("a"), environment, "connection", "list");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("Created Tributary's data folder " + data + " (owner-only)");
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("tributary.mv.db"))).isEqualTo("rw-------");
        assertThat(data.resolve("master.key")).as("a listing needs no key").doesNotExist();
        assertThat(isEmpty(tmp.resolve("a"))).as("nothing in the current folder").isTrue();

        Run added = run(tmp.resolve("a"), environment, add("Acme"));
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(mode(data.resolve("master.key"))).isEqualTo("rw-------");

        Run elsewhere = run(tmp.resolve("b"), environment, "connection", "list");
        assertThat(elsewhere.exitCode()).as(elsewhere.err()).isZero();
        assertThat(elsewhere.out()).as("the same database from another folder").contains("Acme");
        assertThat(elsewhere.err()).doesNotContain("Created");
        assertThat(isEmpty(tmp.resolve("b"))).isTrue();

        Map<String, String> xdg = new HashMap<>(environment);
        xdg.put("XDG_DATA_HOME", tmp.resolve("xdg").toString());
        Run xdgRun = run(tmp.resolve("b"), xdg, "connection", "list");
        assertThat(xdgRun.err()).contains("Created Tributary's data folder " + tmp.resolve("xdg/tributary"));
    }

    @Test
    void aDataFolderOfAnEarlierVersionIsKeptWithANotice() throws Exception {
        Path folder = tmp.resolve("old");
        Run before = run(folder, Map.of("HOME", tmp.resolve("home").toString(), "TRIBUTARY_HOME", "data"), add("Old"));
        assertThat(before.exitCode()).as(before.err()).isZero();

        Run after = run(folder, Map.of("HOME", tmp.resolve("home").toString()), "connection", "list");
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.out()).contains("Old");
        assertThat(after.err()).contains("Using the database and key in " + folder.resolve("data") + ", left there "
                + "by an earlier version");
        assertThat(tmp.resolve("home/.local/share/tributary")).doesNotExist();
    }

    @Test
    void listingsRunWithoutTheKeyAndInitKeyMakesTheRecipeTrue() throws Exception {
        Path keyFile = tmp.resolve("etc/tributary/master.key");
        Map<String, String> environment = Map.of("HOME", tmp.resolve("home").toString(),
                "TRIBUTARY_MASTER_KEY_FILE", keyFile.toString());

        Run list = run(tmp.resolve("w"), environment, "connection", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();

        Run refused = run(tmp.resolve("w"), environment, add("Acme"));
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().strip()).isEqualTo("Error: TRIBUTARY_MASTER_KEY_FILE names " + keyFile
                + ", which does not exist or cannot be read.");

        Run init = run(tmp.resolve("w"), Map.of("HOME", tmp.resolve("other").toString()), "secrets", "init-key",
                keyFile.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).startsWith("Created master key ").contains(keyFile + " (owner-only)");
        assertThat(mode(keyFile)).isEqualTo("rw-------");
        assertThat(tmp.resolve("other")).as("init-key opens no database").doesNotExist();

        Run again = run(tmp.resolve("w"), environment, "secrets", "init-key", keyFile.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("exists already; a key file is never overwritten");

        Run added = run(tmp.resolve("w"), environment, add("Acme"));
        assertThat(added.exitCode()).as(added.err()).isZero();
        String id = added.out().replaceFirst("(?s)^Added connection (\\d+) .*", "$1");
        Run update = run(tmp.resolve("w"), environment, "connection", "update", id, "--credential", "auth-mode=basic");
        assertThat(update.exitCode()).as("the stored secrets open with the key: " + update.err()).isZero();
    }
}
