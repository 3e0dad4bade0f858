package io.tributary.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.run.SyncLease;
import io.tributary.run.SyncLeases;
import io.tributary.run.SyncRun;
import io.tributary.run.SyncRuns;
import io.tributary.spi.EntityType;
import io.tributary.testing.Records;
import io.tributary.testing.ScriptedConnectorProvider;
import io.tributary.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The write endpoints, sync now and the OpenAPI document, over a real socket. */
class ApiWriteTest {
    private static final String TOKEN = "tok_5e6d7c8b9a";
    private static final String SECRET = "sec_deadbeef42";

    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void storesConnectionsSchedulesRoutesAndKeysThroughTheApi(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home)) {
            String admin = api.key(null, null);
            ApiHarness.Answer store = api.call("POST", admin, "/api/v1/stores", "{\"code\":\"acme\",\"name\":\"Acme\"}");
            assertThat(store.status()).as(store.toString()).isEqualTo(201);
            assertThat(api.call("PATCH", admin, "/api/v1/stores/acme", "{\"name\":\"Acme Group\"}").json()
                    .get("name").asText()).isEqualTo("Acme Group");

            ApiHarness.Answer invalid = api.call("POST", admin, "/api/v1/connections",
                    "{\"system\":\"scripted\",\"name\":\"\",\"url\":\"not a url\",\"credentials\":{\"access-token\":\"x\"}}");
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.json().get("problems")).extracting(p -> p.get("field").asText())
                    .contains("name", "url", "access-token");
            assertThat(api.call("POST", admin, "/api/v1/connections", "{\"system\":\"scripted\",\"name\":\"S\","
                    + "\"url\":\"https://a.example/api\",\"store\":\"nowhere\",\"credentials\":{\"access-token\":\""
                    + TOKEN + "\"}}").json().get("problems").get(0).get("field").asText()).isEqualTo("store");
            assertThat(api.call("POST", admin, "/api/v1/connections", "{not json").status()).isEqualTo(400);

            ApiHarness.Answer created = api.call("POST", admin, "/api/v1/connections", "{\"system\":\"scripted\","
                    + "\"name\":\"Shop\",\"url\":\"https://write.example/api\",\"store\":\"acme\",\"credentials\":"
                    + "{\"access-token\":\"" + TOKEN + "\",\"secret\":\"" + SECRET + "\",\"mode\":\"fast\"}}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            JsonNode connection = created.json();
            long id = connection.get("id").asLong();
            assertThat(connection.get("store").asText()).isEqualTo("acme");
            assertThat(connection.get("credentials").get("secret").asText()).isEqualTo("****");
            assertThat(connection.get("credentials").get("mode").asText()).isEqualTo("fast");
            assertThat(connection.get("health").asText()).as("never verified").isEqualTo("unverified");
            assertThat(connection.get("verifiedAt").isNull()).isTrue();

            ApiHarness.Answer renamed = api.call("PATCH", admin, "/api/v1/connections/" + id, "{\"name\":\"Renamed\"}");
            assertThat(renamed.json().get("name").asText()).isEqualTo("Renamed");
            assertThat(api.call("POST", admin, "/api/v1/connections/" + id + "/disable", null).json().get("enabled")
                    .asBoolean()).isFalse();
            assertThat(api.call("POST", admin, "/api/v1/connections/" + id + "/enable", null).json().get("enabled")
                    .asBoolean()).isTrue();
            ApiHarness.Answer verified = api.call("POST", admin, "/api/v1/connections/" + id + "/verify", null);
            assertThat(verified.json().get("ok").asBoolean()).isTrue();
            JsonNode afterVerify = api.call("GET", admin, "/api/v1/connections/" + id, null).json();
            assertThat(afterVerify.get("health").asText()).isEqualTo("ok");
            assertThat(afterVerify.get("verifiedAt").asText()).endsWith("Z");
            ApiHarness.Answer unsaved = api.call("POST", admin, "/api/v1/connections/verify", "{\"system\":\"scripted\","
                    + "\"url\":\"https://other.example/api\",\"credentials\":{\"access-token\":\"" + TOKEN + "\"}}");
            assertThat(unsaved.json().get("kind").asText()).isEqualTo("OK");

            ApiHarness.Answer schedule = api.call("PUT", admin, "/api/v1/connections/" + id + "/schedules/orders",
                    "{\"frequency\":\"weekly\",\"dayOfWeek\":\"SUN\",\"time\":\"03:30\",\"zone\":\"Europe/Stockholm\","
                            + "\"active\":true}");
            assertThat(schedule.status()).as(schedule.toString()).isEqualTo(200);
            assertThat(schedule.json().get("frequency").asText()).isEqualTo("WEEKLY");
            assertThat(schedule.json().get("nextFireAt").asText()).endsWith("Z");
            ApiHarness.Answer badSchedule = api.call("PUT", admin, "/api/v1/connections/" + id + "/schedules/orders",
                    "{\"time\":\"25:99\",\"zone\":\"Mars/Base\",\"active\":\"yes\"}");
            assertThat(badSchedule.json().get("problems")).extracting(p -> p.get("field").asText())
                    .containsExactlyInAnyOrder("time", "zone", "active");
            assertThat(api.get(admin, "/api/v1/schedules?connection=" + id).json()).hasSize(4);
            ApiHarness.Answer reconcile = api.call("PUT", admin, "/api/v1/connections/" + id + "/schedules/products",
                    "{\"kind\":\"reconcile\",\"active\":true}");
            assertThat(reconcile.status()).as(reconcile.toString()).isEqualTo(200);
            assertThat(reconcile.json().get("kind").asText()).isEqualTo("reconcile");
            assertThat(reconcile.json().get("frequency").asText()).isEqualTo("WEEKLY");
            assertThat(reconcile.json().get("nextFireAt").isNull()).isFalse();

            ApiHarness.Answer key = api.call("POST", admin, "/api/v1/keys", "{\"name\":\"partner\",\"stores\":[\"acme\"],"
                    + "\"methods\":[\"orders.statuses\"]}");
            assertThat(key.status()).isEqualTo(201);
            String partner = key.json().get("token").asText();
            long partnerId = key.json().get("id").asLong();
            assertThat(api.get(partner, "/api/v1/orders/statuses").status()).isEqualTo(200);
            ApiHarness.Answer listed = api.get(admin, "/api/v1/keys?accessType=SELECTED_STORES&store=acme");
            assertThat(listed.json()).hasSize(1);
            assertThat(listed.body()).doesNotContain(partner);
            assertThat(api.get(admin, "/api/v1/keys/" + partnerId).body()).doesNotContain(partner);
            assertThat(api.call("POST", admin, "/api/v1/keys/" + partnerId + "/revoke", null).json().get("active")
                    .asBoolean()).isFalse();
            assertThat(api.get(partner, "/api/v1/orders/statuses").status()).isEqualTo(401);
            assertThat(api.call("POST", admin, "/api/v1/keys/" + partnerId + "/activate", null).status()).isEqualTo(200);
            assertThat(api.call("POST", admin, "/api/v1/keys", "{\"name\":\"\",\"methods\":[\"nope\"]}").json()
                    .get("problems")).extracting(p -> p.get("field").asText()).containsExactly("name", "methods");

            assertThat(api.call("DELETE", admin, "/api/v1/connections/" + id + "?keepRecords=maybe", null).json()
                    .get("problems").get(0).get("field").asText()).isEqualTo("keepRecords");
            ApiHarness.Answer removed = api.call("DELETE", admin, "/api/v1/connections/" + id + "?keepRecords=true",
                    null);
            assertThat(removed.json().get("removed").asBoolean()).isTrue();
            assertThat(removed.json().get("recordsKept").asBoolean()).isTrue();
            assertThat(api.get(admin, "/api/v1/connections/" + id).status()).isEqualTo(404);
            assertThat(api.call("DELETE", admin, "/api/v1/connections/" + id, null).status())
                    .as("removed already: not visible to the API any more").isEqualTo(404);
            assertThat(api.get(admin, "/api/v1/connections/abc").json().get("problems").get(0).get("field").asText())
                    .isEqualTo("id");
            assertThat(api.get(admin, "/api/v1/routes").json()).isEmpty();

            for (ApiHarness.Answer answer : List.of(created, renamed, verified, schedule, listed)) {
                assertThat(answer.body()).doesNotContain(TOKEN).doesNotContain(SECRET);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void syncNowAnswers202WithTheRunAnd409NamingARunningOne(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home)) {
            long id = ApiScopeTest.shop(api, null, 0);
            String host = api.app().connections().show(id).url().getHost();
            ScriptedConnectorProvider.source(host).orders.add(Records.order("77", "processing", Records.T0));
            String key = api.key(null, List.of("syncs", "runs"));

            ApiHarness.Answer started = api.call("POST", key, "/api/v1/connections/" + id + "/syncs",
                    "{\"entity\":\"orders\"}");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            long runId = started.json().get("runId").asLong();
            assertThat(started.headers().get("location")).containsExactly("/api/v1/runs/" + runId);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    api.get(key, "/api/v1/runs/" + runId).json().get("outcome").asText()).isEqualTo("SUCCEEDED"));
            assertThat(api.get(key, "/api/v1/runs/" + runId).json().get("read").asLong()).isEqualTo(1);

            SyncLeases otherNode = new SyncLeases(api.app().store().dataSource(), Clock.systemUTC(),
                    Duration.ofMinutes(5), "daemon other-node@host:1");
            SyncLease lease = otherNode.acquire(id, EntityType.ORDERS);
            SyncRun held = new SyncRuns(api.app().store(), Clock.systemUTC()).start(id, EntityType.ORDERS,
                    SyncRun.Trigger.SCHEDULED, false);
            otherNode.attach(lease, held.id());
            ApiHarness.Answer conflict = api.call("POST", key, "/api/v1/connections/" + id + "/syncs",
                    "{\"entity\":\"orders\"}");
            assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
            assertThat(conflict.json().get("runId").asLong()).isEqualTo(held.id());
            assertThat(conflict.json().get("error").asText()).contains("run " + held.id()).contains("other-node");
            otherNode.release(lease);

            assertThat(api.call("POST", key, "/api/v1/connections/" + id + "/syncs", "{}").json().get("problems")
                    .get(0).get("field").asText()).isEqualTo("entity");
            assertThat(api.call("POST", key, "/api/v1/connections/" + id + "/syncs", "{\"entity\":\"customers\"}")
                    .status()).isEqualTo(400);
            assertThat(api.call("POST", key, "/api/v1/connections/424242/syncs", "{\"entity\":\"orders\"}").status())
                    .isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Backend.class, names = "H2")
    void theOpenApiDocumentDescribesExactlyWhatIsServed(TestDatabase.Backend backend) throws Exception {
        try (ApiHarness api = new ApiHarness(backend, home)) {
            ApiHarness.Answer answer = api.get(null, "/api/v1/openapi.json");
            assertThat(answer.status()).isEqualTo(200);
            JsonNode document = new ObjectMapper().readTree(answer.body());
            assertThat(document.get("openapi").asText()).startsWith("3.");
            Set<String> documented = new HashSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                path.getValue().fieldNames().forEachRemaining(verb -> documented.add(verb.toUpperCase() + " "
                        + path.getKey()));
            }
            Set<String> served = new HashSet<>(api.server().servedRoutes());
            served.remove("GET /health");
            served.remove("GET /metrics");
            served.remove("HEAD /health");
            assertThat(documented).isEqualTo(served);
            assertThat(documented).contains("GET /api/v1/orders/statuses", "POST /api/v1/connections/{id}/syncs",
                    "GET /api/v1/products", "POST /api/v1/keys");

            String admin = api.key(null, null);
            for (String route : documented) {
                String[] parts = route.split(" ", 2);
                if (parts[0].equals("GET") && !parts[1].contains("{")) {
                    ApiHarness.Answer got = api.get(admin, parts[1]);
                    assertThat(got.status()).as(route + " " + got).isEqualTo(200);
                }
                String method = document.get("paths").get(parts[1]).get(parts[0].toLowerCase())
                        .path("x-tributary-method").asText(null);
                if (method != null) {
                    String without = api.key(null, List.of(method.equals("keys.read") ? "runs.read" : "keys.read"));
                    ApiHarness.Answer refused = api.send(parts[0], parts[1].replaceAll("\\{[^}]+}", "1"),
                            Map.of("X-Api-Key", without), parts[0].equals("GET") ? null : "{}");
                    assertThat(refused.status()).as(route + " " + refused).isEqualTo(403);
                    assertThat(refused.json().get("method").asText()).isEqualTo(method);
                }
            }
        }
    }
}
