package io.tributary.coopcycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.CredentialField;
import io.tributary.spi.EntityType;
import io.tributary.spi.Secret;
import io.tributary.spi.SyncCursor;
import io.tributary.testkit.contract.ContractFaults;
import io.tributary.testkit.contract.ContractShop;
import io.tributary.testkit.coopcycle.CoopCycleApp;
import io.tributary.testkit.coopcycle.FakeCoopCycle;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The testkit's fake CoopCycle, adapted for the connector contract test and the sync tests. */
final class FakeCoopCycleShop implements ContractShop {
    private final FakeCoopCycle fake;

    FakeCoopCycleShop(FakeCoopCycle fake) {
        this.fake = fake;
    }

    static FakeCoopCycleShop start(int deliveries) {
        return new FakeCoopCycleShop(FakeCoopCycle.builder().deliveries(deliveries).seed(9).start());
    }

    public FakeCoopCycle fake() {
        return fake;
    }

    @Override
    public ContractFaults faults() {
        return ContractFaults.of(fake);
    }

    static ConnectionSettings settings(URI url, String token, String secret, Map<String, String> options) {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        secrets.put(CredentialField.ACCESS_TOKEN, Secret.of(token));
        if (secret != null) {
            secrets.put(CredentialField.SECRET, Secret.of(secret));
        }
        return new ConnectionSettings(0, "fake coopcycle", "coopcycle", url, options, secrets);
    }

    static ConnectionSettings settings(URI url, CoopCycleApp app) {
        return app.isApiKey() ? settings(url, app.apiKey(), null, Map.of())
                : settings(url, app.clientId(), app.clientSecret(), Map.of());
    }

    @Override
    public ConnectionSettings settings() {
        return settings(fake.baseUrl(), fake.storeApp());
    }

    @Override
    public ConnectionSettings withBadCredentials() {
        return settings(fake.baseUrl(), fake.storeApp().clientId(), "0".repeat(128), Map.of());
    }

    @Override
    public ConnectionSettings atUrl(URI url) {
        return settings(url, fake.storeApp());
    }

    @Override
    public Map<String, String> productPrices() {
        return Map.of();
    }

    @Override
    public Map<String, String> orderTotals() {
        Map<String, String> totals = new LinkedHashMap<>();
        for (long id : fake.deliveryIds(FakeCoopCycle.STORE_ID)) {
            totals.put(Long.toString(id), total(fake.delivery(id)));
        }
        return totals;
    }

    static String total(JsonNode delivery) {
        JsonNode order = delivery.get("order");
        return order.isNull() ? "" : BigDecimal.valueOf(order.get("total").asLong(), 2).toPlainString();
    }

    @Override
    public Map<String, String> editProducts(int count) {
        throw new UnsupportedOperationException("a CoopCycle store has no products");
    }

    /** Delivers the {@code count} oldest deliveries still under way. */
    @Override
    public Map<String, String> editOrders(int count) {
        Map<String, String> edited = new LinkedHashMap<>();
        for (long id : fake.openDeliveryIds().subList(0, count)) {
            fake.complete(id);
            edited.put(Long.toString(id), total(fake.delivery(id)));
        }
        return edited;
    }

    /**
     * Every delivery created within the default re-read window (7 days), or at or after the cursor's creation time
     * when that is older, is read again by design.
     */
    @Override
    public Set<String> rereadFrom(EntityType entity, SyncCursor cursor) {
        Instant windowStart = Instant.now().minus(Duration.ofDays(CoopCycleSettings.DEFAULT_REREAD_DAYS));
        Instant floor = cursor.isStart() || windowStart.isBefore(cursor.modifiedAt()) ? windowStart
                : cursor.modifiedAt();
        Set<String> ids = new LinkedHashSet<>();
        for (long id : fake.deliveryIds(FakeCoopCycle.STORE_ID)) {
            if (cursor.isStart() || !createdAt(fake.delivery(id)).isBefore(floor)) {
                ids.add(Long.toString(id));
            }
        }
        return ids;
    }

    static Instant createdAt(JsonNode delivery) {
        return OffsetDateTime.parse(delivery.get("pickup").get("createdAt").asText()).toInstant();
    }

    @Override
    public void close() {
        fake.close();
    }
}
