package io.tributary.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.spi.CredentialField;
import io.tributary.spi.SiteFacts;
import io.tributary.spi.SyncCursor;
import io.tributary.testing.EngineFixture;
import io.tributary.testing.TestDatabase;
import io.tributary.testing.TestRows;
import io.tributary.time.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Site facts kept per connection and API URL: taken within their age, read again past it, forgotten on demand. */
class ConnectionFactsTest {
    private static final URI SHOP = URI.create("https://shop.example/");

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void aFactIsTakenWithinItsAgeForItsUrlAndReadAgainOtherwise(TestDatabase.Backend backend) {
        try (EngineFixture f = new EngineFixture(backend, "scripted")) {
            long id = f.connections.add(new ConnectionDraft("scripted", "facts", SHOP.toString(), null,
                    Map.of(CredentialField.ACCESS_TOKEN, "token"))).id();
            MutableClock clock = MutableClock.startingAt(Instant.parse("2026-12-05T08:00:00Z"));
            SiteFacts facts = ConnectionFacts.of(f.store.dataSource(), id, SHOP, clock);
            List<String> reads = new ArrayList<>();
            Duration incremental = SiteFacts.maxAgeFor(SyncCursor.of(Instant.EPOCH, "1"));

            assertThat(facts.fact("currency", incremental, () -> read(reads, "EUR"))).isEqualTo("EUR");
            clock.advance(Duration.ofHours(23));
            assertThat(facts.fact("currency", incremental, () -> read(reads, "SEK"))).as("within a day").isEqualTo("EUR");
            assertThat(facts.fact("currency", SiteFacts.maxAgeFor(SyncCursor.START), () -> read(reads, "SEK")))
                    .as("a read from the start asks again").isEqualTo("SEK");
            clock.advance(Duration.ofHours(25));
            assertThat(facts.fact("currency", incremental, () -> read(reads, "NOK"))).as("past a day").isEqualTo("NOK");

            assertThat(facts.fact("absent", incremental, () -> read(reads, null))).isNull();
            assertThat(facts.fact("absent", incremental, () -> read(reads, "there now")))
                    .as("that the system did not say is a fact too").isNull();

            SiteFacts moved = ConnectionFacts.of(f.store.dataSource(), id, URI.create("https://new.example/"), clock);
            assertThat(moved.fact("currency", incremental, () -> read(reads, "DKK"))).as("another URL").isEqualTo("DKK");
            assertThat(facts.fact("currency", incremental, () -> read(reads, "EUR")))
                    .as("the first URL's fact was replaced").isEqualTo("EUR");

            ConnectionFacts.forget(f.store.dataSource(), id);
            assertThat(facts.fact("currency", incremental, () -> read(reads, "CHF"))).as("forgotten").isEqualTo("CHF");
            assertThat(reads).containsExactly("EUR", "SEK", "NOK", null, "DKK", "EUR", "CHF");

            f.connections.remove(id, true);
            assertThat(TestRows.count(f.store, "SELECT COUNT(*) FROM connection_fact")).as("a connection removed keeps no facts").isZero();
        }
    }

    private static String read(List<String> reads, String value) {
        reads.add(value);
        return value;
    }
}
