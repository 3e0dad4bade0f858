package io.tributary.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.store.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's CLI runs through the checkout's {@code ./tributary} launcher over the packaged jar (built before
 * this module in a reactor build), with the launcher's class-data archive, its JVM options passed on.
 */
class LauncherTest {
    private static final Path JAR = Path.of("..", "daemon", "target", "tributary.jar").toAbsolutePath().normalize();
    private static final Path SCRIPT = Path.of("..", "tributary").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void runsTheCommandThroughTheLauncherWithItsArchiveAndTheJvmOptionsGiven() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "no packaged jar: build the daemon module first");
        BenchOptions options = BenchOptions.parse(new String[] {"--tributary-jar", JAR.toString(), "--launcher",
                SCRIPT.toString()});
        Launcher launcher = Launcher.prepare(options, Files.createDirectories(dir.resolve("work")));
        assertThat(launcher.description()).contains("the launcher script", "with its class-data archive");
        assertThat(dir.resolve("work/launcher/daemon/target/tributary.jsa")).isRegularFile();

        Path home = Files.createDirectories(dir.resolve("home"));
        TributaryCli cli = new TributaryCli(launcher, home, StoreConfig.embedded(home).jdbcUrl(), "sa", "");
        Path classes = dir.resolve("classes.log");
        TributaryCli.Outcome list = cli.run(List.of("-Xlog:class+load=info:file=" + classes),
                List.of("connection", "list", "--json")).requireSuccess("connection list");

        assertThat(list.json().isArray()).as(list.stdout()).isTrue();
        assertThat(Files.readString(classes)).as("the JVM options reached the JVM, which mapped the archive")
                .contains("io.tributary.daemon.Main source: shared objects file (top)");
    }
}
