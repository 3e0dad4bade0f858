package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.core.CoreModule;
import io.tributary.intake.OrderIntake;
import io.tributary.intake.OrderPost;
import io.tributary.scheduler.SchedulerModule;
import io.tributary.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** tributary customers, customer show, customer unmerge and store set-country. */
class CustomerCliTest {
    @TempDir
    Path home;

    private static OrderPost order(String store, String number, String email, String phone) {
        return new OrderPost(store, number, "pending", "EUR", "12.50", null, null, null, null,
                new OrderPost.Customer("Ana " + number, email, phone),
                List.of(new OrderPost.Line("TEA", "Green tea", "1", "12.50")));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void customersAreListedShownAndAMergeIsUndone(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home)) {
            assertThat(cli.run("store", "add", "paris", "--name", "Paris").exitCode()).isZero();
            CliHarness.Result country = cli.run("store", "set-country", "paris", "fr", "--json");
            assertThat(country.json().get("country").asText()).isEqualTo("FR");
            CliHarness.Result badCountry = cli.run("store", "set-country", "paris", "France");
            assertThat(badCountry.exitCode()).isEqualTo(2);
            assertThat(badCountry.err()).contains("'France' is not an ISO 3166 country code");

            OrderIntake intake = new OrderIntake(cli.database().store(CoreModule.STORE, SchedulerModule.STORE)
                    .dataSource(), Clock.systemUTC());
            intake.post(order("paris", "P-1", "ana@example.org", null), List.of());
            intake.post(order("paris", "P-2", null, "06 12 34 56 78"), List.of());
            intake.post(order("paris", "P-3", "Ana@Example.org", "+33 6 12 34 56 78"), List.of());

            assertThat(cli.run("orders", "--json").json()).as("posted orders are listed like synced ones")
                    .extracting(o -> o.get("number").asText()).containsExactlyInAnyOrder("P-1", "P-2", "P-3");

            JsonNode listed = cli.run("customers", "--json").json();
            assertThat(listed).singleElement().satisfies(c -> {
                assertThat(c.get("orderCount").asLong()).isEqualTo(3);
                assertThat(c.get("email").asText()).isEqualTo("ana@example.org");
                assertThat(c.get("phone").asText()).isEqualTo("+33612345678");
            });
            long id = listed.get(0).get("id").asLong();
            assertThat(cli.run("customers", "--phone", "06 12 34 56 78", "--store", "paris", "--json").json())
                    .extracting(c -> c.get("id").asLong()).containsExactly(id);
            assertThat(cli.run("customers", "--email", " ANA@example.org ").out()).contains("ana@example.org")
                    .contains("37.50 EUR");
            CliHarness.Result badPhone = cli.run("customers", "--phone", "06 12 34 56 78");
            assertThat(badPhone.exitCode()).isEqualTo(2);
            assertThat(badPhone.err()).contains("give it with its country code");

            JsonNode shown = cli.run("customer", "show", Long.toString(id), "--json").json();
            assertThat(shown.get("orders")).extracting(o -> o.get("number").asText())
                    .containsExactlyInAnyOrder("P-1", "P-2", "P-3");
            assertThat(shown.get("merges")).hasSize(1);
            long merge = shown.get("merges").get(0).get("id").asLong();
            assertThat(cli.run("customer", "show", Long.toString(id)).out()).contains("P-2")
                    .contains("tributary customer unmerge " + merge);

            CliHarness.Result undone = cli.run("customer", "unmerge", Long.toString(merge));
            assertThat(undone.exitCode()).as(undone.all()).isZero();
            assertThat(cli.run("customers", "--json").json()).hasSize(2);
            CliHarness.Result again = cli.run("customer", "unmerge", Long.toString(merge));
            assertThat(again.exitCode()).isEqualTo(2);
            assertThat(again.err()).contains("was undone already");
            CliHarness.Result missing = cli.run("customer", "show", "999999");
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err()).contains("There is no customer with id 999999.");
        }
    }
}
