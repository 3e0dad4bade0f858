package io.tributary.testing;

import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.ConnectorProvider;
import io.tributary.spi.CredentialField;
import io.tributary.spi.DeliveryReceipt;
import io.tributary.spi.DeliveryRefusedException;
import io.tributary.spi.DeliveryRequest;
import io.tributary.spi.DeliveryTarget;
import io.tributary.spi.EntityType;
import io.tributary.spi.FailureKind;
import io.tributary.spi.RecordStream;
import io.tributary.spi.RetriableConnectorException;
import io.tributary.spi.SyncCursor;
import io.tributary.spi.UnsupportedEntityException;
import io.tributary.spi.ValidationProblem;
import io.tributary.spi.VerificationResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A courier platform in memory, per API host, for route tests: it accepts deliveries (refusing streets that
 * contain "Nowhere"), finds them by reference, and fails on demand before or after creating one.
 */
public class ScriptedCourierProvider implements ConnectorProvider {
    /** One courier platform: the deliveries it holds and its fault knobs. */
    public static final class Courier {
        public final List<DeliveryRequest> deliveries = new CopyOnWriteArrayList<>();
        public final AtomicInteger createCalls = new AtomicInteger();
        public final AtomicInteger findCalls = new AtomicInteger();
        /** The next this many creates fail before anything is created. */
        public final AtomicInteger failBeforeCreating = new AtomicInteger();
        /** The next this many creates create the delivery, then lose the answer. */
        public final AtomicInteger loseAnswers = new AtomicInteger();

        public long countOf(String reference) {
            return deliveries.stream().filter(d -> d.reference().equals(reference)).count();
        }
    }

    private static final Map<String, Courier> COURIERS = new ConcurrentHashMap<>();

    public static Courier courier(String host) {
        return COURIERS.computeIfAbsent(host, h -> new Courier());
    }

    @Override
    public String systemId() {
        return "scripted-courier";
    }

    @Override
    public String displayName() {
        return "Scripted courier";
    }

    @Override
    public List<CredentialField> credentialFields() {
        return List.of(new CredentialField(CredentialField.ACCESS_TOKEN, "Key", true, true, "the key"));
    }

    @Override
    public Set<EntityType> supportedEntities() {
        return Set.of(EntityType.ORDERS);
    }

    @Override
    public List<ValidationProblem> validate(ConnectionSettings settings) {
        return List.of();
    }

    @Override
    public Connector open(ConnectionSettings settings, ConnectorContext context) {
        return new CourierConnector(courier(settings.apiUrl().getHost()));
    }

    private record CourierConnector(Courier courier) implements Connector, DeliveryTarget {
        @Override
        public VerificationResult verify() {
            return VerificationResult.ok("Scripted courier is there.", 200, 1, Map.of());
        }

        @Override
        public RecordStream read(EntityType entity, SyncCursor from) {
            throw new UnsupportedEntityException("Scripted courier", entity);
        }

        @Override
        public DeliveryReceipt createDelivery(DeliveryRequest request) {
            courier.createCalls.incrementAndGet();
            if (courier.failBeforeCreating.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new RetriableConnectorException(FailureKind.UNREACHABLE, "The courier is down.", null, null);
            }
            if (request.shipment().street().contains("Nowhere")) {
                throw new DeliveryRefusedException("dropoff.address: Address could not be geocoded.", 400);
            }
            courier.deliveries.add(request);
            if (courier.loseAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new RetriableConnectorException(FailureKind.UNREACHABLE, "The connection was lost before a "
                        + "complete answer arrived.", null, null);
            }
            return receipt(courier.deliveries.size());
        }

        @Override
        public Map<String, DeliveryReceipt> findDeliveries(Set<String> references, Instant createdSince) {
            courier.findCalls.incrementAndGet();
            Map<String, DeliveryReceipt> found = new LinkedHashMap<>();
            for (int i = 0; i < courier.deliveries.size(); i++) {
                if (references.contains(courier.deliveries.get(i).reference())) {
                    found.put(courier.deliveries.get(i).reference(), receipt(i + 1));
                }
            }
            return found;
        }

        private static DeliveryReceipt receipt(int number) {
            return new DeliveryReceipt("/api/deliveries/" + number, "https://courier.example/track/" + number);
        }
    }
}
