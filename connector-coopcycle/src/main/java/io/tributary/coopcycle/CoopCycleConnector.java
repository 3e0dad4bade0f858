package io.tributary.coopcycle;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.http.HttpAnswer;
import io.tributary.http.HttpSession;
import io.tributary.http.HttpStack;
import io.tributary.http.Json;
import io.tributary.spi.ConnectionSettings;
import io.tributary.spi.Connector;
import io.tributary.spi.ConnectorContext;
import io.tributary.spi.ConnectorException;
import io.tributary.spi.DeliveryReceipt;
import io.tributary.spi.DeliveryRefusedException;
import io.tributary.spi.DeliveryRequest;
import io.tributary.spi.DeliveryTarget;
import io.tributary.spi.EntityType;
import io.tributary.spi.FailureKind;
import io.tributary.spi.RecordStream;
import io.tributary.spi.Shipment;
import io.tributary.spi.SyncCursor;
import io.tributary.spi.UnsupportedEntityException;
import io.tributary.spi.VerificationResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/** One open CoopCycle connection: verify, the store's deliveries as orders, and deliveries created for routes. */
final class CoopCycleConnector implements Connector, DeliveryTarget {
    private final ConnectionSettings raw;
    private final ConnectorContext context;
    private final CoopCycleSettings settings;
    private final CoopCycleTokens tokens;
    private CoopCycleClient client;
    private CoopCycleStore store;
    /** The instance's phone region, once asked for: empty when it does not say. */
    private Optional<String> instanceRegion;

    CoopCycleConnector(ConnectionSettings raw, ConnectorContext context) {
        this.raw = requireNonNull(raw, "raw is null");
        this.context = requireNonNull(context, "context is null");
        this.settings = CoopCycleSettings.of(raw);
        this.tokens = new CoopCycleTokens(settings, context.clock());
    }

    private String rateLimitKey() {
        return raw.connectionId() > 0 ? "connection-" + raw.connectionId() : "verify-" + settings.site().base().host();
    }

    @Override
    public VerificationResult verify() {
        HttpSession session = context.service(HttpStack.class)
                .verificationSession(raw.systemId(), rateLimitKey(), List.of(new CoopCycleAuth(tokens)));
        return new CoopCycleVerifier(new CoopCycleClient(settings.site(), session, tokens, settings.mode()), settings)
                .verify();
    }

    /** The sync session's client, made on first use and shared by reads and deliveries. */
    private CoopCycleClient client() {
        if (client == null) {
            HttpSession session = context.service(HttpStack.class)
                    .session(raw.systemId(), rateLimitKey(), List.of(new CoopCycleAuth(tokens)));
            client = new CoopCycleClient(settings.site(), session, tokens, settings.mode());
        }
        return client;
    }

    private CoopCycleStore store() {
        if (store == null) {
            store = CoopCycleStore.of(client().get(settings.site().me(), "reading /api/me"));
        }
        return store;
    }

    @Override
    public RecordStream read(EntityType entity, SyncCursor from) {
        if (entity != EntityType.ORDERS) {
            throw new UnsupportedEntityException("CoopCycle", entity);
        }
        return new CoopCycleDeliveryStream(client(), store().id(), from, context.clock().instant(),
                settings.rereadFor(), settings.currency());
    }

    @Override
    public DeliveryReceipt createDelivery(DeliveryRequest request) {
        HttpAnswer answer = client().postOnce(settings.site().deliveries(),
                CoopCycleDeliveryBody.of(request, telephone(request.shipment())));
        if (answer.successful()) {
            return receipt(Json.parse(answer), answer);
        }
        if ((answer.status() == 400 || answer.status() == 422) && !answer.looksLikeHtml()) {
            throw new DeliveryRefusedException(refusalReason(answer), answer.status());
        }
        throw client().failure(answer, "creating a delivery");
    }

    /**
     * The recipient's phone in E.164, or null when there is none or it is not a valid number. A number typed
     * without its country code is read in the country of the address it came with, else the shipping country,
     * else the instance's own country ({@code GET /api/settings}, asked once, only then), as CoopCycle would.
     */
    private String telephone(Shipment shipment) {
        String typed = shipment.phone();
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String region = CoopCyclePhone.region(shipment.phoneCountry());
        if (region == null) {
            region = CoopCyclePhone.region(shipment.country());
        }
        if (region == null && CoopCyclePhone.needsRegion(typed)) {
            if (instanceRegion == null) {
                instanceRegion = Optional.ofNullable(CoopCyclePhone.region(client().instanceCountry()));
            }
            region = instanceRegion.orElse(null);
        }
        return CoopCyclePhone.e164(typed, region).orElse(null);
    }

    private static DeliveryReceipt receipt(JsonNode delivery, HttpAnswer answer) {
        String iri = Json.text(delivery, "@id");
        if (iri == null) {
            throw new ConnectorException(FailureKind.SERVER_ERROR, answer.where() + " answered HTTP "
                    + answer.status() + " without the created delivery's @id.", answer.status(), null);
        }
        return new DeliveryReceipt(iri, Json.text(delivery, "trackingUrl"));
    }

    /** CoopCycle's violations as "path: message; path: message", or its error description. */
    private static String refusalReason(HttpAnswer answer) {
        try {
            JsonNode json = Json.parse(answer);
            List<String> violations = new ArrayList<>();
            for (JsonNode violation : json.path("violations")) {
                String path = Json.text(violation, "propertyPath");
                String message = Json.text(violation, "message");
                if (message != null) {
                    violations.add(path == null ? message : path + ": " + message);
                }
            }
            if (!violations.isEmpty()) {
                return CoopCycleClient.oneLine(String.join("; ", violations));
            }
        } catch (ConnectorException notJson) {
            // the reason below says what there is
        }
        return "CoopCycle refused the delivery (HTTP " + answer.status() + ", " + CoopCycleClient.reason(answer) + ").";
    }

    @Override
    public Map<String, DeliveryReceipt> findDeliveries(Set<String> references, Instant createdSince) {
        Map<String, DeliveryReceipt> found = new HashMap<>();
        if (references.isEmpty()) {
            return found;
        }
        HttpUrl next = settings.site().storeDeliveries(store().id(), CoopCycleDeliveryStream.PER_PAGE);
        while (next != null && found.size() < references.size()) {
            JsonNode page = client().get(next, "looking for deliveries posted before");
            boolean older = false;
            for (JsonNode delivery : page.path("hydra:member")) {
                String reference = reference(delivery);
                if (reference != null && references.contains(reference)) {
                    found.put(reference, new DeliveryReceipt(Json.text(delivery, "@id"),
                            Json.text(delivery, "trackingUrl")));
                }
                older |= CoopCycleDeliveryMapper.createdAt(delivery).isBefore(createdSince);
            }
            String link = Json.text(page.path("hydra:view"), "hydra:next");
            HttpUrl following = link == null || older ? null : settings.site().resolve(link);
            next = following == null || following.equals(next) ? null : following;
        }
        return found;
    }

    /** A delivery's IRI ({@code /api/deliveries/5120}) ends in the id its synced copy is stored under. */
    @Override
    public String storedIdOf(String deliveryId) {
        String id = deliveryId.substring(deliveryId.lastIndexOf('/') + 1);
        return id.isBlank() ? null : id;
    }

    @Override
    public String deliveredStatus() {
        return CoopCycleDeliveryMapper.DONE;
    }

    /** The reference in the tasks' metadata, else in the last line of the pickup comments. */
    private static String reference(JsonNode delivery) {
        for (String task : new String[] {"dropoff", "pickup"}) {
            String reference = Json.text(delivery.path(task).path("metadata"), CoopCycleDeliveryBody.REFERENCE_KEY);
            if (reference != null) {
                return reference;
            }
        }
        String comments = Json.text(delivery.path("pickup"), "comments");
        if (comments == null) {
            return null;
        }
        String last = comments.substring(comments.lastIndexOf('\n') + 1).trim();
        return last.startsWith(CoopCycleDeliveryBody.REFERENCE_LINE)
                ? last.substring(CoopCycleDeliveryBody.REFERENCE_LINE.length()).trim() : null;
    }
}
