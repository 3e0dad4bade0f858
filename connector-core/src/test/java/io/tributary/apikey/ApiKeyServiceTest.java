package io.tributary.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connection.StoreService;
import io.tributary.store.InvalidInputException;
import io.tributary.store.NotFoundException;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import io.tributary.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ApiKeyServiceTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void tokenIsShownOnceAndStoredOnlyAsItsHash(TestDatabase.Backend backend) throws Exception {
        try (TestDatabase database = TestDatabase.create(backend)) {
            ApiKeyService keys = new ApiKeyService(database.store(), MutableClock.startingAt(T0));
            CreatedApiKey created = keys.create("admin", null, null);
            String token = created.token().reveal();

            assertThat(token).startsWith("trb_").hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9_-]+");
            assertThat(created.key().prefix()).isEqualTo(token.substring(0, 12));
            assertThat(created.key().accessType()).isEqualTo(AccessType.ALL_STORES);
            assertThat(created.key().methods()).isEqualTo(ApiMethods.ALL);
            assertThat(created.toString()).doesNotContain(token);
            String row = TestRows.string(database.store(), "SELECT CONCAT(name, '|', token_prefix, '|', token_hash, "
                    + "'|', methods) FROM api_key");
            assertThat(row).doesNotContain(token).contains(HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes("UTF-8"))));
            assertThat(keys.create("second", null, null).token().reveal()).isNotEqualTo(token);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void partnerKeyReachesTwoStoresAndOneMethod(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            StoreService stores = new StoreService(database.store(), java.time.Clock.systemUTC());
            stores.add("north", "North");
            stores.add("south", "South");
            stores.add("west", "West");
            MutableClock clock = MutableClock.startingAt(T0);
            ApiKeyService keys = new ApiKeyService(database.store(), clock);
            CreatedApiKey partner = keys.create("partner", List.of("north", "south"), List.of("orders.statuses"));

            assertThat(partner.key().accessType()).isEqualTo(AccessType.SELECTED_STORES);
            assertThat(partner.key().stores()).containsExactly("north", "south");
            ApiCaller caller = keys.authenticate(partner.token().reveal()).orElseThrow();
            assertThat(caller.may("orders.statuses")).isTrue();
            assertThat(caller.may("orders.read")).isFalse();
            assertThat(caller.reaches("north")).isTrue();
            assertThat(caller.reaches("west")).isFalse();
            assertThat(keys.authenticate(partner.key().id(), partner.token().reveal())).isPresent();
            assertThat(keys.authenticate(partner.key().id() + 1, partner.token().reveal())).isEmpty();

            assertThat(keys.list(null, null, "west")).isEmpty();
            assertThat(keys.list(null, AccessType.SELECTED_STORES, "north")).hasSize(1);
            keys.create("admin", null, List.of("keys"));
            assertThat(keys.list(null, null, "west")).extracting(ApiKeyView::name).containsExactly("admin");
            assertThat(keys.list(null, AccessType.ALL_STORES, null)).extracting(ApiKeyView::methods)
                    .containsExactly(List.of("keys.read", "keys.write"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void revokedKeysAreRefusedUntilActivatedAndLastUseIsCoalesced(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            MutableClock clock = MutableClock.startingAt(T0);
            ApiKeyService keys = new ApiKeyService(database.store(), clock);
            CreatedApiKey created = keys.create("ops", null, List.of("runs.read"));
            String token = created.token().reveal();
            long id = created.key().id();

            assertThat(keys.authenticate(token)).isPresent();
            assertThat(keys.show(id).lastUsedAt()).isEqualTo(T0);
            clock.advance(Duration.ofSeconds(30));
            assertThat(keys.authenticate(token)).isPresent();
            assertThat(keys.show(id).lastUsedAt()).as("not one write per request").isEqualTo(T0);
            clock.advance(Duration.ofSeconds(31));
            assertThat(keys.authenticate(token)).isPresent();
            assertThat(keys.show(id).lastUsedAt()).isEqualTo(T0.plusSeconds(61));

            assertThat(keys.revoke(id).active()).isFalse();
            assertThat(keys.authenticate(token)).isEmpty();
            assertThat(keys.authenticate(id, token)).isEmpty();
            assertThat(keys.list(false, null, null)).hasSize(1);
            assertThat(keys.list(true, null, null)).isEmpty();
            assertThat(keys.activate(id).active()).isTrue();
            assertThat(keys.authenticate(token)).isPresent();

            assertThat(keys.authenticate(token.substring(0, token.length() - 1) + "x")).isEmpty();
            assertThat(keys.authenticate("")).isEmpty();
            assertThat(keys.authenticate((String) null)).isEmpty();
            assertThatThrownBy(() -> keys.revoke(999)).isInstanceOf(NotFoundException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void badInputNamesEveryField(TestDatabase.Backend backend) {
        try (TestDatabase database = TestDatabase.create(backend)) {
            ApiKeyService keys = new ApiKeyService(database.store(), MutableClock.startingAt(T0));
            assertThatThrownBy(() -> keys.create(" ", null, List.of("orders.delete")))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                            .extracting(p -> p.field()).containsExactly("name", "methods"))
                    .hasMessageContaining("'orders.delete'");
            assertThatThrownBy(() -> keys.create("x", List.of("nowhere"), null))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("tributary store add");
            assertThat(TestRows.count(database.store(), "SELECT COUNT(*) FROM api_key")).isZero();
        }
    }

    @Test
    void blocksExpandToTheirMethodsInCatalogueOrder() {
        assertThat(ApiMethods.expand(List.of("orders.statuses", "connections")))
                .containsExactly("connections.read", "connections.write", "connections.verify", "orders.statuses");
        assertThat(ApiMethods.BLOCKS.keySet()).containsExactly("connections", "schedules", "syncs", "runs",
                "products", "orders", "customers", "routes", "keys");
    }
}
