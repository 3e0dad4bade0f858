package io.tributary.coopcycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.http.HttpPolicy;
import io.tributary.http.HttpStack;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.FailureKind;
import io.tributary.spi.VerificationResult;
import io.tributary.testkit.coopcycle.CoopCycleApp;
import io.tributary.testkit.coopcycle.FakeCoopCycle;
import io.tributary.testkit.http.FakeHttpServer;
import io.tributary.testkit.http.FakeResponse;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verify connection against the fake CoopCycle: every way the credentials can be wrong, told apart. */
class CoopCycleFakeVerifyTest {
    private HttpStack http;
    private FakeCoopCycle fake;

    @BeforeEach
    void start() {
        http = HttpStack.create(HttpPolicy.builder().requestsPerSecond(1000).build());
        fake = FakeCoopCycle.builder().deliveries(12).seed(4).start();
    }

    @AfterEach
    void stop() {
        fake.close();
        http.close();
    }

    private VerificationResult verify(ConnectionSettings settings) {
        VerificationResult result = new CoopCycleConnectorProvider()
                .open(settings, ConnectorContext.of(Clock.systemUTC(), http)).verify();
        String shown = result.message() + result.details();
        settings.secrets().values().forEach(s -> assertThat(s.occursIn(shown)).as(shown).isFalse());
        fake.issuedTokens().forEach(t -> assertThat(shown).doesNotContain(t));
        return result;
    }

    @Test
    void anOAuthAppLearnsItsStore() {
        VerificationResult result = verify(FakeCoopCycleShop.settings(fake.baseUrl(), fake.storeApp()));

        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.details()).containsEntry("storeId", "1").containsEntry("storeName", "Acme")
                .containsEntry("store", "/api/stores/1").containsEntry("appName", "Acme shop")
                .containsEntry("authMode", "oauth2").containsEntry("scope", "deliveries")
                .containsEntry("deliveries", "12").containsEntry("currency", "EUR");
        assertThat(result.message()).isEqualTo("Connected to CoopCycle at " + fake.baseUrl() + " as API app 'Acme "
                + "shop' of store 1 (Acme): it can read the store's deliveries (12 so far) and create new ones.");
        assertThat(fake.requests().matching("/oauth2/token")).hasSize(1);
    }

    @Test
    void anApiKeyIsSentAsItIsAndTheUrlMayEndWithApi() {
        URI withApi = fake.baseUrl().resolve("api/");
        VerificationResult result = verify(FakeCoopCycleShop.settings(withApi, fake.apiKeyApp()));

        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(result.details()).containsEntry("authMode", "api-key").containsEntry("storeId", "1")
                .doesNotContainKey("scope");
        assertThat(fake.requests().matching("/oauth2/token")).isEmpty();
        assertThat(fake.requests().matching("/api/me").get(0).header("Authorization"))
                .contains("Bearer " + fake.apiKeyApp().apiKey());
    }

    @Test
    void aWrongSecretIsBadCredentials() {
        VerificationResult result = verify(FakeCoopCycleShop.settings(fake.baseUrl(), fake.storeApp().clientId(),
                "f".repeat(128), Map.of()));

        assertThat(result.kind()).isEqualTo(FailureKind.BAD_CREDENTIALS);
        assertThat(result.httpStatus()).isEqualTo(401);
        assertThat(result.message()).contains("invalid_client").contains("identifier or secret");
    }

    @Test
    void aMissingScopeIsForbiddenAndNamed() {
        CoopCycleApp tasksOnly = fake.addApp("Tasks only", FakeCoopCycle.STORE_ID, null, Set.of("tasks"), false);

        VerificationResult result = verify(FakeCoopCycleShop.settings(fake.baseUrl(), tasksOnly));

        assertThat(result.kind()).isEqualTo(FailureKind.FORBIDDEN);
        assertThat(result.httpStatus()).isEqualTo(400);
        assertThat(result.message()).contains("scope 'deliveries'").contains("invalid_scope");
    }

    @Test
    void anUnknownKeyAndARestaurantAppAreRefused() {
        VerificationResult unknown = verify(FakeCoopCycleShop.settings(fake.baseUrl(), "ak_" + "9".repeat(40), null,
                Map.of()));
        assertThat(unknown.kind()).isEqualTo(FailureKind.BAD_CREDENTIALS);
        assertThat(unknown.message()).contains("does not accept this API key");

        CoopCycleApp restaurant = fake.addApp("Pizzeria", null, 3L, Set.of("orders"), true);
        VerificationResult shop = verify(FakeCoopCycleShop.settings(fake.baseUrl(), restaurant));
        assertThat(shop.kind()).isEqualTo(FailureKind.FORBIDDEN);
        assertThat(shop.message()).contains("belongs to a restaurant (/api/restaurants/3), not to a store");
    }

    @Test
    void anotherJsonApiIsNotThisSystem() {
        try (FakeHttpServer other = FakeHttpServer.start(request ->
                FakeResponse.json(200, "{\"name\":\"Some API\",\"version\":\"2\"}"))) {
            VerificationResult result = verify(FakeCoopCycleShop.settings(other.baseUrl(), fake.storeApp()));
            assertThat(result.kind()).isEqualTo(FailureKind.NOT_THIS_SYSTEM);
            assertThat(result.message()).contains("not CoopCycle's JSON-LD entry point");
        }
    }
}
