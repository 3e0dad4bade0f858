package io.tributary.testkit.coopcycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testkit.TestHttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fake CoopCycle over real sockets: entry point, tokens, scopes, paging, creation and access rules. */
class FakeCoopCycleTest {
    private static final TestHttpClient CLIENT = new TestHttpClient();
    private static FakeCoopCycle fake;

    @BeforeAll
    static void start() {
        fake = FakeCoopCycle.builder().deliveries(230).otherStoreDeliveries(3).seed(3).start();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    private record Answer(int status, JsonNode json, HttpResponse<String> raw) {}

    private static Answer send(HttpRequest.Builder request) {
        HttpResponse<String> response = CLIENT.send(request.build());
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : TestHttpClient.json(response),
                response);
    }

    private static HttpRequest.Builder at(String pathAndQuery) {
        return HttpRequest.newBuilder(fake.baseUrl().resolve(pathAndQuery));
    }

    private static Answer token(CoopCycleApp app, String secret, String form) {
        String basic = Base64.getEncoder().encodeToString((app.clientId() + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
        return send(at("oauth2/token").header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String bearer(CoopCycleApp app) {
        Answer token = token(app, app.clientSecret(), "grant_type=client_credentials&scope=deliveries");
        assertThat(token.status()).isEqualTo(200);
        return token.json().get("access_token").asText();
    }

    private static Answer get(String pathAndQuery, String bearer) {
        return send(at(pathAndQuery).header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/ld+json"));
    }

    @Test
    void theEntryPointIsPublicJsonLd() {
        Answer answer = send(at("api"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("@context").asText()).isEqualTo("/api/contexts/Entrypoint");
        assertThat(answer.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
    }

    @Test
    void theTokenEndpointTellsBadClientsMissingScopesAndBadGrantsApart() {
        Answer ok = token(fake.storeApp(), fake.storeApp().clientSecret(), "grant_type=client_credentials");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(ok.json().get("expires_in").asLong()).isEqualTo(3600);

        Answer wrong = token(fake.storeApp(), "0".repeat(128), "grant_type=client_credentials");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(wrong.raw().headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"OAuth\"");

        Answer scope = token(fake.storeApp(), fake.storeApp().clientSecret(),
                "grant_type=client_credentials&scope=tasks+deliveries");
        assertThat(scope.status()).isEqualTo(400);
        assertThat(scope.json().get("error").asText()).isEqualTo("invalid_scope");
        assertThat(scope.json().get("hint").asText()).isEqualTo("Check the `tasks` scope");

        Answer grant = token(fake.storeApp(), fake.storeApp().clientSecret(), "grant_type=password");
        assertThat(grant.json().get("error").asText()).isEqualTo("unsupported_grant_type");

        Answer inBody = send(at("oauth2/token").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + fake.storeApp().clientId() + "&client_secret=" + fake.storeApp().clientSecret())));
        assertThat(inBody.status()).isEqualTo(200);
    }

    @Test
    void meNamesTheStoreOfATokenOrAKeyAndTokensExpire() {
        String token = bearer(fake.storeApp());
        Answer me = get("api/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("store").asText()).isEqualTo("/api/stores/1");
        assertThat(me.json().get("name").asText()).isEqualTo("Acme shop");
        assertThat(get("api/me", fake.apiKeyApp().apiKey()).json().get("store").asText()).isEqualTo("/api/stores/1");
        assertThat(get("api/me", "ak_" + "0".repeat(40)).status()).isEqualTo(401);
        assertThat(send(at("api/me")).json().get("message").asText()).isEqualTo("JWT Token not found");

        CoopCycleApp shopApp = fake.addApp("Pizzeria", null, 7L, Set.of("orders"), true);
        assertThat(get("api/me", shopApp.apiKey()).json().get("shop").asText()).isEqualTo("/api/restaurants/7");

        try (FakeCoopCycle shortLived = FakeCoopCycle.builder().deliveries(0).start()) {
            shortLived.tokenTtl(Duration.ofSeconds(30));
            Answer issued = send(HttpRequest.newBuilder(shortLived.baseUrl().resolve("oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                            + shortLived.storeApp().clientId() + "&client_secret="
                            + shortLived.storeApp().clientSecret())));
            assertThat(issued.json().get("expires_in").asLong()).isEqualTo(30);
            shortLived.clock().advance(Duration.ofSeconds(30));
            HttpRequest.Builder me2 = HttpRequest.newBuilder(shortLived.baseUrl().resolve("api/me"))
                    .header("Authorization", "Bearer " + issued.json().get("access_token").asText());
            Answer expired = send(me2);
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.json().get("message").asText()).isEqualTo("Expired JWT Token");
        }
    }

    @Test
    void deliveriesPageNewestFirstByFollowingHydraNext() {
        String token = bearer(fake.storeApp());
        List<Long> ids = new ArrayList<>();
        Instant previous = Instant.MAX;
        String next = "api/stores/1/deliveries?order%5BcreatedAt%5D=desc&itemsPerPage=500";
        int pages = 0;
        while (next != null) {
            Answer page = get(next, token);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().get("hydra:totalItems").asInt()).isEqualTo(230);
            assertThat(page.json().get("hydra:member").size()).isLessThanOrEqualTo(100);
            for (JsonNode delivery : page.json().get("hydra:member")) {
                ids.add(delivery.get("id").asLong());
                Instant created = java.time.OffsetDateTime.parse(delivery.get("pickup").get("createdAt").asText())
                        .toInstant();
                assertThat(created).isBeforeOrEqualTo(previous);
                previous = created;
            }
            JsonNode view = page.json().get("hydra:view");
            next = view.has("hydra:next") ? view.get("hydra:next").asText().substring(1) : null;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(230).doesNotHaveDuplicates();
        assertThat(get("api/stores/1/deliveries", token).json().get("hydra:member").size()).isEqualTo(30);
        assertThat(get("api/stores/2/deliveries", token).status()).isEqualTo(403);
        long otherDelivery = fake.deliveryIds(FakeCoopCycle.OTHER_STORE_ID).get(0);
        assertThat(get("api/deliveries/" + otherDelivery, token).status()).isEqualTo(403);
        assertThat(get("api/stores/1", token).json().get("name").asText()).isEqualTo("Acme");
    }

    @Test
    void finishedDeliveriesCanBeReopenedAndFailedOnesRescheduledLeavingNoUpdateTime() {
        try (FakeCoopCycle own = FakeCoopCycle.builder().deliveries(40).seed(4).start()) {
            List<Long> ids = own.deliveryIds(FakeCoopCycle.STORE_ID);
            long done = ids.get(0);
            long cancelled = ids.get(1);
            long failed = ids.get(2);
            own.complete(done);
            own.cancel(cancelled);
            own.fail(failed);
            Instant after = own.clock().instant().plus(Duration.ofHours(20));

            own.reopen(done);
            own.reopen(cancelled);
            own.reschedule(failed, after, after.plus(Duration.ofMinutes(30)));

            String key = own.apiKeyApp().apiKey();
            JsonNode reopened = ownGet(own, "api/deliveries/" + done, key);
            assertThat(reopened.get("pickup").get("status").asText()).isEqualTo("DONE");
            assertThat(reopened.get("dropoff").get("status").asText()).isEqualTo("TODO");
            JsonNode restored = ownGet(own, "api/deliveries/" + cancelled, key);
            assertThat(restored.get("pickup").get("status").asText()).isEqualTo("TODO");
            assertThat(restored.get("dropoff").get("status").asText()).isEqualTo("TODO");
            JsonNode rescheduled = ownGet(own, "api/deliveries/" + failed, key);
            assertThat(rescheduled.get("dropoff").get("status").asText()).isEqualTo("TODO");
            assertThat(java.time.OffsetDateTime.parse(rescheduled.get("dropoff").get("after").asText()).toInstant())
                    .isEqualTo(after);
            assertThat(open(own, done)).as("open again").isTrue();
            JsonNode listing = ownGet(own, "api/stores/1/deliveries?itemsPerPage=100", key);
            assertThat(listing.get("hydra:member")).hasSize(40);
            assertThat(listing.findValues("updatedAt")).as("CoopCycle serializes no task updatedAt in deliveries")
                    .isEmpty();
        }
    }

    private static boolean open(FakeCoopCycle own, long id) {
        return own.openDeliveryIds().contains(id);
    }

    private static JsonNode ownGet(FakeCoopCycle own, String path, String bearer) {
        Answer answer = send(HttpRequest.newBuilder(own.baseUrl().resolve(path))
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/ld+json"));
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void createsDeliveriesAndRefusesInvalidOnesWithViolations() {
        String token = bearer(fake.storeApp());
        String before = Instant.now().plus(Duration.ofHours(2)).toString();
        String body = "{\"pickup\":{\"before\":\"" + before + "\",\"comments\":\"Order #12\"},"
                + "\"dropoff\":{\"address\":{\"streetAddress\":\"48 Rue de Rivoli, 75004 Paris\","
                + "\"contactName\":\"Ana López\",\"telephone\":\"+33 6 12 34 56 78\"},\"before\":\"" + before
                + "\",\"metadata\":{\"tributary_ref\":\"ref-12\"}}}";
        Answer created = send(at("api/deliveries").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/ld+json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("@id").asText()).startsWith("/api/deliveries/");
        assertThat(created.json().get("pickup").get("address").get("streetAddress").asText())
                .as("the store's address by default").isEqualTo("24 Rue de la Paix, 75002 Paris");
        assertThat(created.json().get("order").get("total").asInt()).isEqualTo(690);
        assertThat(fake.deliveriesWithMetadata(1, "tributary_ref", "ref-12")).hasSize(1);

        assertThat(created.json().get("dropoff").get("address").get("telephone").asText()).as("served in E.164")
                .isEqualTo("+33612345678");

        Answer unreadable = post(token, "{\"dropoff\":{\"address\":{\"streetAddress\":\"1 Nowhere Lane\","
                + "\"telephone\":\"call me\"}}}");
        assertThat(unreadable.status()).as("a phone libphonenumber cannot parse fails before any validation")
                .isEqualTo(400);
        assertThat(unreadable.json().get("@type").asText()).isEqualTo("hydra:Error");
        assertThat(unreadable.json().get("hydra:description").asText())
                .isEqualTo("The string supplied did not seem to be a phone number.");

        Answer refused = post(token, "{\"dropoff\":{\"address\":{\"streetAddress\":\"1 Nowhere Lane\","
                + "\"telephone\":\"(415) 555-2671\"}}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("@type").asText()).isEqualTo("ConstraintViolationList");
        List<String> paths = new ArrayList<>();
        refused.json().get("violations").forEach(v -> paths.add(v.get("propertyPath").asText() + ": "
                + v.get("message").asText()));
        assertThat(paths).as("a US number typed without +1 is read as a French one, which it is not").containsExactly(
                "items[0].task.doneBefore: This value should not be null.",
                "items[1].task.address.telephone: This value is not a valid phone number.",
                "dropoff.address: The address could not be geocoded.",
                "items[1].task.doneBefore: This value should not be null.");
        assertThat(fake.deliveriesWithMetadata(1, "tributary_ref", "ref-12")).hasSize(1);
    }

    @Test
    void phonesAreReadInTheInstancesCountryWhichItsSettingsName() {
        try (FakeCoopCycle american = FakeCoopCycle.builder().deliveries(0).country("us").start()) {
            Answer settings = send(HttpRequest.newBuilder(american.baseUrl().resolve("api/settings")));
            assertThat(settings.status()).as("public").isEqualTo(200);
            assertThat(settings.json().get("country").asText()).isEqualTo("us");
            assertThat(send(at("api/settings")).json().get("country").asText()).as("the default").isEqualTo("fr");

            String before = Instant.now().plus(Duration.ofHours(2)).toString();
            Answer created = send(HttpRequest.newBuilder(american.baseUrl().resolve("api/deliveries"))
                    .header("Authorization", "Bearer " + american.apiKeyApp().apiKey())
                    .header("Content-Type", "application/ld+json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"pickup\":{\"before\":\"" + before + "\"},"
                            + "\"dropoff\":{\"address\":{\"streetAddress\":\"1 Market St, San Francisco\","
                            + "\"telephone\":\"(415) 555-2671\"},\"before\":\"" + before + "\"}}")));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().get("dropoff").get("address").get("telephone").asText())
                    .isEqualTo("+14155552671");
        }
    }

    private static Answer post(String bearer, String body) {
        return send(at("api/deliveries").header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/ld+json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
