package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testing.TestDatabase;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code daemon --http-port/--http-address} through the real jar: what cannot be served is one sentence, exit 2. */
class DaemonHttpIT {
    @TempDir
    Path home;

    private record Run(int exitCode, String out, String err) {}

    private Run jar(Map<String, String> environment, String... args) throws Exception {
        try (TributaryProcess process = TributaryProcess.start(home, environment, args)) {
            int code = process.waitFor(Duration.ofSeconds(90));
            return new Run(code, process.stdout(), process.stderr());
        }
    }

    @Test
    void aPortInUseOrOutOfRangeIsOneSentenceAndTheAddressIsLoopbackUnlessToldOtherwise() throws Exception {
        try (CliHarness cli = new CliHarness(TestDatabase.Backend.H2, home);
                ServerSocket taken = new ServerSocket()) {
            Map<String, String> environment = cli.environment();
            environment.remove("TRIBUTARY_DB_URL"); // the embedded database in TRIBUTARY_HOME
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            Run inUse = jar(environment, "daemon", "--http-port", Integer.toString(port));
            assertThat(inUse.exitCode()).isEqualTo(2);
            assertThat(inUse.err().strip()).as("nothing started, so nothing to stop").isEqualTo("Error: Cannot serve HTTP on "
                    + "127.0.0.1:" + port + ": the port is in use by another process; stop it or choose another "
                    + "--http-port (0 picks a free one).");

            Run outOfRange = jar(environment, "daemon", "--http-port", "70000");
            assertThat(outOfRange.exitCode()).isEqualTo(2);
            assertThat(outOfRange.err().strip())
                    .isEqualTo("Error: --http-port must be from 0 to 65535 (0 picks a free port), got 70000.");

            Run foreign = jar(environment, "daemon", "--http-port", "0", "--http-address", "192.0.2.1");
            assertThat(foreign.exitCode()).isEqualTo(2);
            assertThat(foreign.err().strip()).isEqualTo("Error: Cannot serve HTTP on 192.0.2.1:0: it is not an address "
                    + "of this machine; choose one with --http-address.");

            try (TributaryProcess daemon = TributaryProcess.start(home, environment, "daemon", "--http-port", "0")) {
                int bound = Integer.parseInt(daemon.awaitLog(Pattern.compile("health on http://127\\.0\\.0\\.1:(\\d+)"
                        + "/health"), Duration.ofSeconds(60)).group(1));
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bound
                        + "/health")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(head.statusCode()).isEqualTo(200);
                assertThat(head.body()).isEmpty();
                HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bound
                        + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(get.body()).contains("\"status\":\"UP\"");
                daemon.terminate();
                assertThat(daemon.waitFor(Duration.ofSeconds(60))).isIn(0, 143);
            }
        }
    }
}
