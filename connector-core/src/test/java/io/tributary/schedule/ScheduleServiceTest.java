package io.tributary.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connection.ConnectionDraft;
import io.tributary.connection.ConnectionService;
import io.tributary.connection.ConnectorRegistry;
import io.tributary.secret.MasterKey;
import io.tributary.secret.SecretCipher;
import io.tributary.spi.CredentialField;
import io.tributary.spi.EntityType;
import io.tributary.store.InvalidInputException;
import io.tributary.store.NotFoundException;
import io.tributary.testing.TestDatabase;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScheduleServiceTest {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private static long add(ConnectionService connections, String system, String name) {
        return connections.add(new ConnectionDraft(system, name, "https://" + name + ".example/", null,
                Map.of(CredentialField.ACCESS_TOKEN, "token-" + name))).id();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void newConnectionsGetInactiveDefaultsSpreadOverTheHour(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            ConnectorRegistry registry = ConnectorRegistry.load();
            ConnectionService connections = new ConnectionService(database.store(), registry,
                    new SecretCipher(MasterKey.generate("t")), Clock.systemUTC(),
                    ScheduleService.defaults(STOCKHOLM, Clock.systemUTC()));
            ScheduleService schedules = new ScheduleService(database.store(), registry, Clock.systemUTC(), STOCKHOLM);
            Set<LocalTime> productTimes = new HashSet<>();
            Set<Integer> orderMinutes = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                long id = add(connections, "scripted", "shop" + i);
                List<ScheduleView> all = schedules.list(id);
                assertThat(all).extracting(ScheduleView::entity, ScheduleView::kind).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(EntityType.PRODUCTS, ScheduleKind.SYNC),
                        org.assertj.core.groups.Tuple.tuple(EntityType.PRODUCTS, ScheduleKind.RECONCILE),
                        org.assertj.core.groups.Tuple.tuple(EntityType.ORDERS, ScheduleKind.SYNC),
                        org.assertj.core.groups.Tuple.tuple(EntityType.ORDERS, ScheduleKind.RECONCILE));
                assertThat(all).filteredOn(s -> s.kind() == ScheduleKind.RECONCILE).allSatisfy(reconcile -> {
                    assertThat(reconcile.spec().frequency()).isEqualTo(Frequency.WEEKLY);
                    assertThat(reconcile.spec().dayOfWeek()).isEqualTo(java.time.DayOfWeek.SUNDAY);
                    assertThat(reconcile.spec().active()).isFalse();
                });
                List<ScheduleView> mine = all.stream().filter(s -> s.kind() == ScheduleKind.SYNC).toList();
                ScheduleView products = mine.get(0);
                ScheduleView orders = mine.get(1);
                assertThat(products.spec().frequency()).isEqualTo(Frequency.DAILY);
                assertThat(orders.spec().frequency()).isEqualTo(Frequency.HOURLY);
                assertThat(products.spec().active()).isFalse();
                assertThat(orders.spec().active()).isFalse();
                assertThat(products.spec().zone()).isEqualTo(STOCKHOLM);
                assertThat(products.spec().startDate()).isEqualTo(LocalDate.now(STOCKHOLM));
                assertThat(products.spec().time().getHour()).isBetween(1, 5);
                productTimes.add(products.spec().time());
                orderMinutes.add(orders.spec().time().getMinute());
            }
            assertThat(productTimes).as("spread, not all at one time").hasSizeGreaterThan(3);
            assertThat(orderMinutes).hasSizeGreaterThan(3);

            long productsOnly = add(connections, "scripted-products", "catalogue");
            assertThat(schedules.list(productsOnly)).extracting(ScheduleView::entity)
                    .containsExactly(EntityType.PRODUCTS, EntityType.PRODUCTS);
            long unlisted = add(connections, "scripted-unlisted", "noids");
            assertThat(schedules.list(unlisted)).as("no reconcile for a system that cannot list ids")
                    .extracting(ScheduleView::kind).containsOnly(ScheduleKind.SYNC);
            assertThatThrownBy(() -> schedules.set(unlisted, EntityType.PRODUCTS, ScheduleKind.RECONCILE,
                    new ScheduleChange(null, null, null, null, null, true)))
                    .isInstanceOf(io.tributary.store.InvalidInputException.class)
                    .hasMessageContaining("cannot list the ids of their products");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aSystemWithCustomersGetsAnInactiveDailyCustomersScheduleAndNoCustomersReconcile(
            TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            ConnectorRegistry registry = ConnectorRegistry.load();
            ConnectionService connections = new ConnectionService(database.store(), registry,
                    new SecretCipher(MasterKey.generate("t")), Clock.systemUTC(),
                    ScheduleService.defaults(STOCKHOLM, Clock.systemUTC()));
            ScheduleService schedules = new ScheduleService(database.store(), registry, Clock.systemUTC(), STOCKHOLM);
            long id = add(connections, "scripted-customers", "people");
            List<ScheduleView> customers = schedules.list(id).stream()
                    .filter(s -> s.entity() == EntityType.CUSTOMERS).toList();
            assertThat(customers).as("a sync schedule only: customers' ids are not listed")
                    .extracting(ScheduleView::kind).containsExactly(ScheduleKind.SYNC);
            assertThat(customers.get(0).spec().frequency()).isEqualTo(Frequency.DAILY);
            assertThat(customers.get(0).spec().active()).isFalse();
            assertThat(customers.get(0).spec().zone()).isEqualTo(STOCKHOLM);

            long scripted = add(connections, "scripted", "nocustomers");
            assertThat(schedules.list(scripted)).as("a system without customers gets none")
                    .extracting(ScheduleView::entity).doesNotContain(EntityType.CUSTOMERS);
            assertThatThrownBy(() -> schedules.set(scripted, EntityType.CUSTOMERS,
                    new ScheduleChange(null, null, null, null, null, true)))
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void setChangesWhatIsGivenAndRefusesWhatCannotBe(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            ConnectorRegistry registry = ConnectorRegistry.load();
            ConnectionService connections = new ConnectionService(database.store(), registry,
                    new SecretCipher(MasterKey.generate("t")), Clock.systemUTC(),
                    ScheduleService.defaults(STOCKHOLM, Clock.systemUTC()));
            ScheduleService schedules = new ScheduleService(database.store(), registry, Clock.systemUTC(), STOCKHOLM);
            long id = add(connections, "scripted", "shop");

            ScheduleView weekly = schedules.set(id, EntityType.PRODUCTS, new ScheduleChange(Frequency.WEEKLY,
                    DayOfWeek.TUESDAY, LocalTime.of(6, 30), LocalDate.of(2027, 1, 5), ZoneId.of("America/New_York"), true));
            assertThat(weekly.spec().dayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
            assertThat(weekly.spec().active()).isTrue();
            assertThat(weekly.firing()).isTrue();
            ScheduleView daily = schedules.set(id, EntityType.PRODUCTS, new ScheduleChange(Frequency.DAILY, null, null,
                    null, null, null));
            assertThat(daily.spec().dayOfWeek()).as("only weekly keeps a day").isNull();
            assertThat(daily.spec().time()).isEqualTo(LocalTime.of(6, 30));
            assertThat(daily.version()).isGreaterThan(weekly.version());

            assertThatThrownBy(() -> schedules.set(id, EntityType.PRODUCTS, new ScheduleChange(Frequency.WEEKLY, null,
                    null, null, null, null))).isInstanceOf(InvalidInputException.class).hasMessageContaining("day of week");
            long productsOnly = add(connections, "scripted-products", "catalogue");
            assertThatThrownBy(() -> schedules.set(productsOnly, EntityType.ORDERS, new ScheduleChange(null, null, null,
                    null, null, true))).isInstanceOf(InvalidInputException.class)
                    .hasMessage("Scripted products connections do not provide orders. No schedule is kept for them.");
            assertThatThrownBy(() -> schedules.set(999, EntityType.ORDERS, new ScheduleChange(null, null, null, null,
                    null, true))).isInstanceOf(NotFoundException.class);

            connections.setEnabled(id, false);
            assertThat(schedules.list(id)).allSatisfy(s -> assertThat(s.firing()).isFalse());
            connections.remove(id);
            assertThat(schedules.list(id)).isEmpty();
        }
    }
}
