package io.tributary.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyLoaderTest {
    @TempDir
    Path home;

    @Test
    void createsAnOwnerOnlyKeyFileOnceAndSaysSo() throws Exception {
        List<String> notices = new ArrayList<>();
        MasterKey created = MasterKeyLoader.load(Map.of(), home, notices::add);
        MasterKey again = MasterKeyLoader.load(Map.of(), home, notices::add);

        Path file = home.resolve("master.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(again.id()).isEqualTo(created.id());
        assertThat(notices).singleElement().asString().contains("Created a new master key in " + file);
    }

    @Test
    void theEnvironmentWinsOverFiles() throws Exception {
        MasterKey inline = MasterKey.generate("x");
        Path file = home.resolve("other.key");
        MasterKey fromFile = MasterKey.generate("y");
        Files.writeString(file, fromFile.toBase64() + "\n");

        assertThat(MasterKeyLoader.load(Map.of("TRIBUTARY_MASTER_KEY", inline.toBase64(),
                "TRIBUTARY_MASTER_KEY_FILE", file.toString()), home, s -> {}).id()).isEqualTo(inline.id());
        MasterKey loaded = MasterKeyLoader.load(Map.of("TRIBUTARY_MASTER_KEY_FILE", file.toString()), home, s -> {});
        assertThat(loaded.id()).isEqualTo(fromFile.id());
        assertThat(loaded.source()).contains("TRIBUTARY_MASTER_KEY_FILE");
        assertThat(Files.exists(home.resolve("master.key"))).isFalse();
    }

    @Test
    void aMissingKeyFileIsAClearError() {
        assertThatThrownBy(() -> MasterKeyLoader.load(Map.of("TRIBUTARY_MASTER_KEY_FILE", "/nope/key"), home, s -> {}))
                .isInstanceOf(SecretsException.class)
                .hasMessage("TRIBUTARY_MASTER_KEY_FILE names /nope/key, which does not exist or cannot be read.");
    }
}
