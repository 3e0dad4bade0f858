package io.tributary.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScheduleCliTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void listAndSetSchedulesWithTheirNextFiring(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home)) {
            cli.environment().put("TRIBUTARY_ZONE", "America/New_York");
            long id = cli.run("connection", "add", "--system", "woocommerce", "--name", "Shop", "--url",
                    "https://shop.example", "--access-token", "ck_x", "--secret", "cs_y", "--json").json().get("id").asLong();

            JsonNode defaults = cli.run("schedule", "list", "--connection", Long.toString(id), "--json").json();
            assertThat(defaults).as("products and orders (sync, reconcile), customers (sync only)").hasSize(5);
            assertThat(defaults.get(4).get("entity").asText()).isEqualTo("customers");
            assertThat(defaults.get(4).get("kind").asText()).isEqualTo("sync");
            assertThat(defaults.get(4).get("frequency").asText()).isEqualTo("DAILY");
            assertThat(defaults.get(4).get("active").asBoolean()).isFalse();
            JsonNode products = defaults.get(0);
            assertThat(products.get("kind").asText()).isEqualTo("sync");
            JsonNode reconcile = defaults.get(1);
            assertThat(reconcile.get("entity").asText()).isEqualTo("products");
            assertThat(reconcile.get("kind").asText()).isEqualTo("reconcile");
            assertThat(reconcile.get("frequency").asText()).isEqualTo("WEEKLY");
            assertThat(reconcile.get("dayOfWeek").asText()).isEqualTo("SUN");
            assertThat(reconcile.get("active").asBoolean()).isFalse();
            assertThat(products.get("connectionId").asLong()).isEqualTo(id);
            assertThat(products.get("entity").asText()).isEqualTo("products");
            assertThat(products.get("frequency").asText()).isEqualTo("DAILY");
            assertThat(products.get("dayOfWeek").isNull()).isTrue();
            assertThat(products.get("time").asText()).matches("0[1-5]:\\d\\d");
            assertThat(products.get("zone").asText()).isEqualTo("America/New_York");
            assertThat(products.get("active").asBoolean()).isFalse();
            assertThat(products.get("nextFireAt").isNull()).as("inactive: no next firing").isTrue();
            assertThat(defaults.get(2).get("frequency").asText()).isEqualTo("HOURLY");

            CliHarness.Result weeklyReconcile = cli.run("schedule", "set", Long.toString(id), "--entity", "products",
                    "--kind", "reconcile", "--active");
            assertThat(weeklyReconcile.exitCode()).as(weeklyReconcile.all()).isZero();
            assertThat(weeklyReconcile.out()).startsWith("Reconcile schedule of products for connection " + id
                    + ": weekly on SUN at ").contains("active; next run ");
            assertThat(cli.run("schedule", "set", Long.toString(id), "--entity", "products", "--kind", "purge").err())
                    .contains("Unknown schedule kind 'purge': use sync or reconcile.");

            CliHarness.Result set = cli.run("schedule", "set", Long.toString(id), "--entity", "orders", "--frequency",
                    "weekly", "--day-of-week", "fri", "--time", "06:05", "--start-date", "2030-01-01", "--zone",
                    "Europe/Stockholm", "--active", "--json");
            assertThat(set.exitCode()).as(set.all()).isZero();
            JsonNode weekly = set.json();
            assertThat(weekly.get("dayOfWeek").asText()).isEqualTo("FRI");
            assertThat(weekly.get("active").asBoolean()).isTrue();
            ZonedDateTime next = Instant.parse(weekly.get("nextFireAt").asText()).atZone(ZoneId.of("Europe/Stockholm"));
            assertThat(next.toLocalDate().toString()).isEqualTo("2030-01-04");
            assertThat(next.toLocalTime().toString()).isEqualTo("06:05");

            CliHarness.Result human = cli.run("schedule", "list");
            assertThat(human.out()).contains("weekly").contains("FRI").contains("06:05").contains("active");

            cli.run("connection", "disable", Long.toString(id));
            JsonNode paused = cli.run("schedule", "list", "--json").json().get(2);
            assertThat(paused.get("paused").asBoolean()).isTrue();
            assertThat(paused.get("nextFireAt").isNull()).isTrue();
            assertThat(cli.run("schedule", "list").out()).contains("paused");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void badSchedulesAreRefusedWithExitTwo(TestDatabase.Backend backend) {
        try (CliHarness cli = new CliHarness(backend, home)) {
            String id = cli.run("connection", "add", "--system", "woocommerce", "--name", "Shop", "--url",
                    "https://shop.example", "--access-token", "ck_x", "--secret", "cs_y", "--json").json().get("id").asText();
            assertThat(cli.run("schedule", "set", id, "--entity", "products", "--time", "25:00").err())
                    .contains("--time must be HH:MM from 00:00 to 23:59, got '25:00'.");
            assertThat(cli.run("schedule", "set", id, "--entity", "products", "--frequency", "weekly").err())
                    .contains("A weekly schedule needs a day of week");
            assertThat(cli.run("schedule", "set", id, "--entity", "products", "--day-of-week", "MON").err())
                    .contains("Only weekly schedules take a day of week");
            assertThat(cli.run("schedule", "set", id, "--entity", "products", "--zone", "Mars/Olympus").exitCode())
                    .isEqualTo(2);
            CliHarness.Result midnight = cli.run("schedule", "set", id, "--entity", "products", "--time", "24:00");
            assertThat(midnight.exitCode()).as("24:00 is not taken as 00:00").isEqualTo(2);
            assertThat(midnight.err().strip()).isEqualTo("Error: --time must be HH:MM from 00:00 to 23:59, got '24:00'.");
            CliHarness.Result offset = cli.run("schedule", "set", id, "--entity", "products", "--zone", "+02:00");
            assertThat(offset.exitCode()).isEqualTo(2);
            assertThat(offset.err().strip()).isEqualTo("Error: --zone must be a region such as Europe/Berlin, not the "
                    + "fixed offset '+02:00', which has no daylight saving time (use UTC for UTC).");
            assertThat(cli.run("schedule", "set", id, "--entity", "products", "--zone", "UTC").exitCode()).isZero();
            assertThat(cli.run("schedule", "list", "--connection", "999").exitCode()).isEqualTo(2);
            assertThat(cli.run("schedule", "set", id, "--entity", "products", "--frequency", "monthly").err())
                    .contains("Unknown frequency 'monthly'");
            assertThat(cli.run("schedule", "set", "999", "--entity", "products", "--active").exitCode()).isEqualTo(2);
            assertThat(cli.run("schedule", "set", id, "--entity", "products", "--active", "--inactive").exitCode())
                    .isEqualTo(2);

            String couriers = cli.run("connection", "add", "--system", "coopcycle", "--name", "Couriers", "--url",
                    "https://acme.coopcycle.example", "--access-token", "ak_" + "0".repeat(40), "--json").json()
                    .get("id").asText();
            assertThat(cli.run("schedule", "list", "--connection", couriers, "--json").json())
                    .as("no products schedule for a system without products").hasSize(1);
            CliHarness.Result products = cli.run("schedule", "set", couriers, "--entity", "products", "--active");
            assertThat(products.exitCode()).isEqualTo(2);
            assertThat(products.err()).contains("CoopCycle connections do not provide products.");
        }
    }
}
