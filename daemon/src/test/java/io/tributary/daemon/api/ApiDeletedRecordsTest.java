package io.tributary.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.connection.StoredConnection;
import io.tributary.run.SyncRun;
import io.tributary.spi.EntityType;
import io.tributary.sync.SyncRequest;
import io.tributary.testing.ScriptedConnectorProvider;
import io.tributary.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Records deleted at the source in the admin API: deletedAt on products and orders, the deleted= filter, the run. */
class ApiDeletedRecordsTest {
    @TempDir
    Path home;

    private static List<String> ids(ApiHarness.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().get("items").forEach(item -> ids.add(item.get("externalId").asText()));
        return ids;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void productsAndOrdersShowAndFilterWhatWasDeletedAtTheSource(TestDatabase.Backend backend) {
        try (ApiHarness api = new ApiHarness(backend, home)) {
            long id = ApiScopeTest.shop(api, null, 3);
            long other = ApiScopeTest.shop(api, null, 3);
            StoredConnection connection = api.app().connections().find(id);
            ScriptedConnectorProvider.Source source = ScriptedConnectorProvider.source(connection.apiUrl().getHost());
            source.products.removeIf(p -> p.externalId().equals("2"));
            source.orders.removeIf(o -> o.externalId().equals("1001"));
            for (EntityType entity : List.of(EntityType.PRODUCTS, EntityType.ORDERS)) { // the reconcilable ones
                SyncRun run = api.app().syncs().reconcile(new SyncRequest(id, entity, SyncRun.Trigger.MANUAL, false))
                        .run();
                assertThat(run.deletedCount()).isEqualTo(1);
            }
            String reader = api.key(null, List.of("products", "orders", "runs"));

            assertThat(ids(api.get(reader, "/api/v1/products?connection=" + id))).containsExactly("1");
            ApiHarness.Answer only = api.get(reader, "/api/v1/products?connection=" + id + "&deleted=only");
            assertThat(ids(only)).containsExactly("2");
            assertThat(only.json().get("items").get(0).get("deletedAt").asText()).endsWith("Z");
            assertThat(ids(api.get(reader, "/api/v1/products?deleted=include"))).hasSize(4);
            assertThat(ids(api.get(reader, "/api/v1/products?connection=" + other + "&deleted=only"))).isEmpty();
            JsonNode present = api.get(reader, "/api/v1/orders?connection=" + id).json().get("items");
            assertThat(present).hasSize(2).allSatisfy(o -> assertThat(o.get("deletedAt").isNull()).isTrue());
            assertThat(ids(api.get(reader, "/api/v1/orders?connection=" + id + "&deleted=only")))
                    .containsExactly("1001");

            ApiHarness.Answer bad = api.get(reader, "/api/v1/orders?deleted=maybe");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("Unknown deleted filter 'maybe'");

            JsonNode runs = api.get(reader, "/api/v1/runs?connection=" + id).json();
            assertThat(runs.get(0).get("kind").asText()).isEqualTo("RECONCILE");
            assertThat(runs.get(0).get("markedDeleted").asLong()).isEqualTo(1);
        }
    }
}
