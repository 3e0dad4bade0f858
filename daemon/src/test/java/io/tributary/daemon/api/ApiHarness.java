package io.tributary.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.apikey.CreatedApiKey;
import io.tributary.daemon.App;
import io.tributary.daemon.DaemonConfig;
import io.tributary.secret.MasterKey;
import io.tributary.testing.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A test store, the app wired on it, and the API server on a port of its own, called over a real socket. */
final class ApiHarness implements AutoCloseable {
    /** One answer. */
    record Answer(int status, String body, Map<String, List<String>> headers) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final TestDatabase database;
    private final App app;
    private final ApiServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    ApiHarness(TestDatabase.Backend backend, Path home) {
        this.database = TestDatabase.create(backend);
        Map<String, String> environment = new HashMap<>();
        environment.put("TRIBUTARY_HOME", home.toString());
        environment.put("TRIBUTARY_DB_URL", database.config().jdbcUrl());
        environment.put("TRIBUTARY_DB_USER", database.config().user());
        environment.put("TRIBUTARY_DB_PASSWORD", database.config().password().reveal());
        environment.put("TRIBUTARY_MASTER_KEY", MasterKey.generate("test").toBase64());
        this.app = new App(DaemonConfig.from(environment, null), new PrintStream(OutputStream.nullOutputStream()));
        this.server = ApiServer.start(0, app, () -> Map.of("status", "UP", "store", "UP"));
    }

    App app() {
        return app;
    }

    TestDatabase database() {
        return database;
    }

    ApiServer server() {
        return server;
    }

    /** A key made as the CLI makes it; its token. */
    String key(List<String> stores, List<String> methods) {
        CreatedApiKey created = app.apiKeys().create("test key", stores, methods);
        return created.token().reveal();
    }

    Answer get(String token, String path) {
        return send("GET", path, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), null);
    }

    Answer call(String method, String token, String path, String body) {
        return send(method, path, Map.of("X-Api-Key", token), body);
    }

    Answer send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.close();
        app.close();
        database.close();
    }
}
