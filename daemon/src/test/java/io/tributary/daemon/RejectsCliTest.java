package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A malformed order is set aside by the sync and shown by `sync`, `runs` and `rejects`; the rest is stored. */
class RejectsCliTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aRecordThatCannotBeReadIsSetAsideAndShownWithItsReason(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(5).orders(40).seed(5).start()) {
            cli.environment().put("TRIBUTARY_HTTP_RATE", "1000");
            long id = cli.run("connection", "add", "--system", "woocommerce", "--name", "Fake", "--url",
                    shop.siteUrl().toString(), "--access-token", shop.consumerKey(), "--secret",
                    shop.consumerSecret(), "--json").json().get("id").asLong();
            int damaged = shop.orderIds().get(7);
            shop.damageOrder(damaged, json -> json.put("total", "twelve"));

            CliHarness.Result sync = cli.run("sync", Long.toString(id), "--entity", "orders");
            assertThat(sync.exitCode()).as(sync.all()).isZero();
            assertThat(sync.out()).contains("SUCCEEDED").contains("39 new").contains(" 1 record could not be read and "
                    + "was set aside: tributary rejects --run ");
            long runId = cli.run("runs", "--json").json().get(0).get("runId").asLong();
            assertThat(cli.run("runs", "--json").json().get(0).get("rejected").asLong()).isEqualTo(1);
            assertThat(cli.run("runs").out()).contains("Run " + runId + ": note: 1 record could not be read and was "
                    + "set aside: tributary rejects --run " + runId);

            CliHarness.Result table = cli.run("rejects", "--run", Long.toString(runId));
            assertThat(table.exitCode()).as(table.all()).isZero();
            assertThat(table.out()).contains("EXTERNAL ID").contains(Integer.toString(damaged))
                    .contains("has total 'twelve', which is not a number.");
            JsonNode listed = cli.run("rejects", "--connection", Long.toString(id), "--json").json();
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("entity").asText()).isEqualTo("orders");
            assertThat(listed.get(0).get("externalId").asText()).isEqualTo(Integer.toString(damaged));
            assertThat(listed.get(0).get("payload").asText()).contains("\"total\":\"twelve\"");
            assertThat(cli.run("orders", "--connection", Long.toString(id), "--json").json()).hasSize(39);

            CliHarness.Result none = cli.run("rejects", "--run", "99999");
            assertThat(none.exitCode()).isEqualTo(2);
            assertThat(none.err().strip()).isEqualTo("Error: There is no run with id 99999.");
        }
    }
}
