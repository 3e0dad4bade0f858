package io.tributary.spi;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the host gives a connector it opens: the clock to use for anything time-based, and the host's shared
 * services by type — above all the one HTTP stack ({@code io.tributary.http.HttpStack}: connection pool, retry,
 * rate limits, redacting log), which a connector asks for with {@code context.service(HttpStack.class)}.
 *
 * <p>Services are looked up by type so that the SPI names only its own types and the JDK: the HTTP stack depends
 * on the SPI (its failures are {@link ConnectorException}s), never the other way round.
 */
public final class ConnectorContext {
    private final Clock clock;
    private final Map<Class<?>, Object> services;

    private ConnectorContext(Clock clock, Map<Class<?>, Object> services) {
        this.clock = requireNonNull(clock, "clock is null");
        this.services = Map.copyOf(services);
    }

    /** A context with {@code clock} and each of {@code services}, found later by its own class. */
    public static ConnectorContext of(Clock clock, Object... services) {
        Map<Class<?>, Object> byType = new HashMap<>();
        for (Object service : services) {
            byType.put(service.getClass(), service);
        }
        return new ConnectorContext(clock, byType);
    }

    /** This context with {@code service} added (or replacing the one of its class). */
    public ConnectorContext with(Object service) {
        Map<Class<?>, Object> byType = new HashMap<>(services);
        byType.put(service.getClass(), service);
        return new ConnectorContext(clock, byType);
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The host's service of {@code type}.
     *
     * @throws IllegalStateException when the host provides none (a wiring mistake, not a runtime condition)
     */
    public <S> S service(Class<S> type) {
        Object service = services.get(type);
        if (service == null) {
            throw new IllegalStateException("The host provides no " + type.getSimpleName() + " to connectors.");
        }
        return type.cast(service);
    }

    /** The host's service of {@code type}, when it provides one here (an optional one, as {@link StoredProducts}). */
    public <S> Optional<S> find(Class<S> type) {
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }
}
