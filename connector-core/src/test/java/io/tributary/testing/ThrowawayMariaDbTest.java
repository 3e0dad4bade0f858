package io.tributary.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The suite's own MariaDB for a fresh machine: started from the installed binaries in a directory under target/,
 * usable as root with an empty password, stopped and removed afterwards; a server that answers is used as it is;
 * without the binaries, one sentence naming the package.
 */
class ThrowawayMariaDbTest {
    @Test
    void startsAServerOfItsOwnUnderTargetAndStopsIt() throws Exception {
        Path[] binaries = ThrowawayMariaDb.binaries(System.getenv().getOrDefault("PATH", ""),
                ThrowawayMariaDb.SYSTEM_DIRECTORIES);
        Path dir = Path.of("target", "throwaway-mariadb-test");
        ThrowawayMariaDb.Server server = ThrowawayMariaDb.launch(dir, binaries[0], binaries[1]);
        try {
            assertThat(server.port()).isNotEqualTo(3306);
            try (Connection connection = DriverManager.getConnection(server.url(), "root", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE scratch CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                try (ResultSet rows = statement.executeQuery("SELECT VERSION()")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).containsIgnoringCase("mariadb");
                }
            }
            assertThat(dir.resolve("data")).isDirectory();
        } finally {
            server.stop();
        }
        assertThat(server.process().isAlive()).isFalse();
        assertThat(ThrowawayMariaDb.answers("127.0.0.1", server.port())).isFalse();
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void aServerThatAnswersIsUsedAsItIs() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "jdbc:mariadb://127.0.0.1:" + listening.getLocalPort() + "/test";
            assertThat(ThrowawayMariaDb.serverUrl(url)).isEqualTo(url);
        }
        String elsewhere = "jdbc:mariadb://db.internal:3306/test";
        assertThat(ThrowawayMariaDb.serverUrl(elsewhere)).as("not this machine: never replaced").isEqualTo(elsewhere);
    }

    @Test
    void withoutTheBinariesOneSentenceNamesThePackage() {
        assertThatThrownBy(() -> ThrowawayMariaDb.binaries("/nonexistent", List.of()))
                .hasMessage("No MariaDB server answers for the tests (127.0.0.1:3306) and MariaDB is not installed to "
                        + "start a throwaway one for the tests: install the package mariadb-server (Debian/Ubuntu: "
                        + "sudo apt-get install -y mariadb-server).");
    }
}
