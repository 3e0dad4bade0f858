package io.tributary.daemon.api;

import static io.tributary.testing.Records.T0;
import static io.tributary.testing.Records.line;
import static io.tributary.testing.Records.order;
import static io.tributary.testing.Records.product;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connection.ConnectionDraft;
import io.tributary.run.SyncRun;
import io.tributary.spi.CredentialField;
import io.tributary.spi.EntityType;
import io.tributary.sync.SyncListener;
import io.tributary.sync.SyncRequest;
import io.tributary.testing.ScriptedConnectorProvider;
import io.tributary.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keys, methods and stores over a real socket: 401, 403 naming the method, 404 for a foreign store, lists filtered. */
class ApiScopeTest {
    static final String SECRET = "sec_c0ffee15bad";

    @TempDir
    Path home;

    /** A scripted shop in {@code store} with {@code orders} orders (and 2 products), synced into the store. */
    static long shop(ApiHarness api, String store, int orders) {
        String host = "shop-" + UUID.randomUUID() + ".example";
        ScriptedConnectorProvider.Source source = ScriptedConnectorProvider.source(host);
        source.pageSize = 100;
        for (int i = 0; i < orders; i++) {
            source.orders.add(order(Integer.toString(1000 + i), "processing", T0.plusSeconds(i),
                    line("1", "TEA", "2", "3.50")));
        }
        source.products.add(product("1", "9.90", T0));
        source.products.add(product("2", "4.50", T0));
        long id = api.app().connections().add(new ConnectionDraft("scripted", "Shop " + host, "https://" + host + "/api",
                store, Map.of(CredentialField.ACCESS_TOKEN, "tok_7f3a9c2e1b", CredentialField.SECRET, SECRET))).id();
        for (EntityType entity : api.app().registry().require("scripted").supportedEntities().stream().sorted()
                .toList()) {
            SyncRun run = api.app().syncs().run(new SyncRequest(id, entity, SyncRun.Trigger.MANUAL, false),
                    SyncListener.NONE).run();
            assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        }
        return id;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void partnerKeyPollsOrderStatusesOfTwoStoresAndNothingElse(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home)) {
            api.app().stores().add("north", "North");
            api.app().stores().add("south", "South");
            api.app().stores().add("west", "West");
            long north = shop(api, "north", 3);
            long south = shop(api, "south", 2);
            long west = shop(api, "west", 4);
            String partner = api.key(List.of("north", "south"), List.of("orders.statuses"));

            ApiHarness.Answer statuses = api.get(partner, "/api/v1/orders/statuses?since=2000-01-01T00:00:00Z");
            assertThat(statuses.status()).as(statuses.toString()).isEqualTo(200);
            JsonNode items = statuses.json().get("items");
            assertThat(items).hasSize(5);
            assertThat(items).extracting(i -> i.get("connectionId").asLong()).containsOnly(north, south);
            JsonNode first = items.get(0);
            assertThat(first.get("number").asText()).startsWith("N");
            assertThat(first.get("status").asText()).isEqualTo("processing");
            assertThat(first.get("updatedAt").asText()).endsWith("Z");
            assertThat(first.get("storedAt").asText()).endsWith("Z");
            assertThat(statuses.json().get("next").isNull()).isTrue();

            ApiHarness.Answer later = api.get(partner, "/api/v1/orders/statuses?since="
                    + java.time.Instant.now().plusSeconds(60));
            assertThat(later.json().get("items")).isEmpty();

            ApiHarness.Answer orders = api.get(partner, "/api/v1/orders");
            assertThat(orders.status()).isEqualTo(403);
            assertThat(orders.json().get("method").asText()).isEqualTo("orders.read");
            assertThat(orders.json().get("error").asText()).contains("orders.read");
            assertThat(api.get(partner, "/api/v1/connections").status()).isEqualTo(403);
            assertThat(api.get(partner, "/api/v1/keys").status()).isEqualTo(403);

            ApiHarness.Answer foreign = api.get(partner, "/api/v1/orders/statuses?connection=" + west);
            ApiHarness.Answer unknown = api.get(partner, "/api/v1/orders/statuses?connection=987654");
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.json().get("error").asText())
                    .isEqualTo(unknown.json().get("error").asText().replace("987654", Long.toString(west)));
            assertThat(api.get(partner, "/api/v1/orders/statuses?store=west").json().get("items")).isEmpty();
            assertThat(api.get(partner, "/api/v1/orders/statuses?store=north").json().get("items")).hasSize(3);

            ApiHarness.Answer bad = api.get(partner, "/api/v1/orders/statuses?since=yesterday&limit=0&connection=x");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("problems")).extracting(p -> p.get("field").asText())
                    .containsExactlyInAnyOrder("since", "limit", "connection");
            assertThat(api.get(partner, "/api/v1/orders/statuses?after=not-a-cursor").json().get("problems").get(0)
                    .get("field").asText()).isEqualTo("after");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void missingUnknownAndRevokedKeysAre401AndEveryWayOfSendingAKeyWorks(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home)) {
            var created = api.app().apiKeys().create("reader", null, List.of("runs"));
            String token = created.token().reveal();
            long id = created.key().id();

            ApiHarness.Answer none = api.get(null, "/api/v1/runs");
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.json().get("error").asText()).contains("API key");
            assertThat(none.headers()).containsKey("www-authenticate");
            assertThat(api.get("trb_" + "A".repeat(43), "/api/v1/runs").status()).isEqualTo(401);
            assertThat(api.get(token + "x", "/api/v1/runs").status()).isEqualTo(401);

            assertThat(api.get(token, "/api/v1/runs").status()).isEqualTo(200);
            assertThat(api.send("GET", "/api/v1/runs", Map.of("X-Api-Key", token), null).status()).isEqualTo(200);
            String basic = Base64.getEncoder().encodeToString((id + ":" + token).getBytes(StandardCharsets.UTF_8));
            assertThat(api.send("GET", "/api/v1/runs", Map.of("Authorization", "Basic " + basic), null).status())
                    .isEqualTo(200);
            String wrongUser = Base64.getEncoder().encodeToString(((id + 1) + ":" + token)
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(api.send("GET", "/api/v1/runs", Map.of("Authorization", "Basic " + wrongUser), null).status())
                    .isEqualTo(401);
            assertThat(api.get(token, "/api/v1/products").json().get("method").asText()).isEqualTo("products.read");

            api.app().apiKeys().revoke(id);
            assertThat(api.get(token, "/api/v1/runs").status()).isEqualTo(401);
            api.app().apiKeys().activate(id);
            assertThat(api.get(token, "/api/v1/runs").status()).isEqualTo(200);
            assertThat(api.app().apiKeys().show(id).lastUsedAt()).isNotNull();

            ApiHarness.Answer health = api.get(null, "/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aKeyForOneStoreSeesOnlyThatStoreAndSecretsNeverLeave(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home)) {
            api.app().stores().add("north", "North");
            api.app().stores().add("west", "West");
            long north = shop(api, "north", 2);
            long west = shop(api, "west", 2);
            String northOnly = api.key(List.of("north"), null);
            String admin = api.key(null, null);
            List<ApiHarness.Answer> answers = new ArrayList<>();

            ApiHarness.Answer connections = api.get(northOnly, "/api/v1/connections");
            answers.add(connections);
            assertThat(connections.json()).extracting(c -> c.get("id").asLong()).containsExactly(north);
            assertThat(connections.json().get(0).get("credentials").get("secret").asText()).isEqualTo("****");
            ApiHarness.Answer all = api.get(admin, "/api/v1/connections");
            answers.add(all);
            assertThat(all.json()).hasSize(2);
            assertThat(api.get(northOnly, "/api/v1/connections/" + west).status()).isEqualTo(404);
            ApiHarness.Answer shown = api.get(northOnly, "/api/v1/connections/" + north);
            answers.add(shown);
            assertThat(shown.json().get("fields")).isNotEmpty();
            assertThat(api.get(northOnly, "/api/v1/stores").json()).extracting(s -> s.get("code").asText())
                    .containsExactly("north");
            assertThat(api.get(northOnly, "/api/v1/stores/west").status()).isEqualTo(404);
            assertThat(api.get(northOnly, "/api/v1/orders").json().get("items"))
                    .extracting(o -> o.get("connectionId").asLong()).containsOnly(north);
            assertThat(api.get(northOnly, "/api/v1/products").json().get("items")).hasSize(2);
            assertThat(api.get(admin, "/api/v1/products").json().get("items")).hasSize(4);
            assertThat(api.get(northOnly, "/api/v1/runs").json()).extracting(r -> r.get("connectionId").asLong())
                    .containsOnly(north).hasSize(2);
            long westRun = api.get(admin, "/api/v1/runs?connection=" + west).json().get(0).get("runId").asLong();
            assertThat(api.get(northOnly, "/api/v1/runs/" + westRun).status()).isEqualTo(404);
            assertThat(api.get(admin, "/api/v1/runs/" + westRun).status()).isEqualTo(200);
            assertThat(api.get(northOnly, "/api/v1/schedules").json()).extracting(s -> s.get("connectionId").asLong())
                    .containsOnly(north);
            assertThat(api.get(northOnly, "/api/v1/schedules?connection=" + west).status()).isEqualTo(404);
            assertThat(api.call("DELETE", northOnly, "/api/v1/connections/" + west, null).status()).isEqualTo(404);
            assertThat(api.call("POST", northOnly, "/api/v1/connections/" + west + "/syncs", "{\"entity\":\"orders\"}")
                    .status()).isEqualTo(404);
            ApiHarness.Answer keys = api.get(northOnly, "/api/v1/keys");
            assertThat(keys.status()).isEqualTo(403);
            answers.add(api.get(admin, "/api/v1/keys"));
            answers.add(api.get(admin, "/api/v1/orders"));

            for (ApiHarness.Answer answer : answers) {
                assertThat(answer.body()).doesNotContain(SECRET).doesNotContain("tok_7f3a9c2e1b")
                        .doesNotContain(admin).doesNotContain(northOnly);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void keysetPagingReadsMoreRowsThanOnePageOnceEach(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home)) {
            shop(api, null, 230);
            String reader = api.key(null, List.of("orders"));
            Set<String> seen = new HashSet<>();
            String after = null;
            int pages = 0;
            do {
                ApiHarness.Answer page = api.get(reader, "/api/v1/orders?limit=100"
                        + (after == null ? "" : "&after=" + after));
                assertThat(page.status()).as(page.toString()).isEqualTo(200);
                for (JsonNode order : page.json().get("items")) {
                    assertThat(seen.add(order.get("externalId").asText())).isTrue();
                    assertThat(order.get("lines")).hasSize(1);
                    assertThat(order.get("total").asText()).isEqualTo("7.00");
                }
                JsonNode next = page.json().get("next");
                after = next.isNull() ? null : next.asText();
                pages++;
            } while (after != null);
            assertThat(seen).hasSize(230);
            assertThat(pages).isEqualTo(3);

            List<String> polled = new ArrayList<>();
            after = null;
            do {
                JsonNode page = api.get(reader, "/api/v1/orders/statuses?since=2000-01-01T00:00:00Z&limit=500"
                        + (after == null ? "" : "&after=" + after)).json();
                page.get("items").forEach(s -> polled.add(s.get("externalId").asText()));
                after = page.get("next").isNull() ? null : page.get("next").asText();
            } while (after != null);
            assertThat(polled).hasSize(230).doesNotHaveDuplicates();
            assertThat(api.get(reader, "/api/v1/orders?limit=501").status()).isEqualTo(400);
        }
    }
}
