package io.tributary.connection;

import io.tributary.spi.ConnectorProvider;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The connector plugins on the classpath, by system id. Loading fails loudly on none and on duplicates. */
public final class ConnectorRegistry {
    private final Map<String, ConnectorProvider> providers;

    private ConnectorRegistry(Map<String, ConnectorProvider> providers) {
        this.providers = Collections.unmodifiableMap(providers);
    }

    /** Finds the plugins with {@link ServiceLoader} in the given class loader. */
    public static ConnectorRegistry load(ClassLoader classLoader) {
        List<ConnectorProvider> found = ServiceLoader.load(ConnectorProvider.class, classLoader).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        return of(found);
    }

    public static ConnectorRegistry load() {
        return load(ConnectorRegistry.class.getClassLoader());
    }

    /** Builds a registry from explicit providers; the same rules as for loaded ones apply. */
    public static ConnectorRegistry of(Collection<ConnectorProvider> found) {
        if (found.isEmpty()) {
            throw new IllegalStateException("No connector plugins were found on the classpath "
                    + "(META-INF/services/" + ConnectorProvider.class.getName() + ").");
        }
        Map<String, ConnectorProvider> byId = new LinkedHashMap<>();
        for (ConnectorProvider provider : found) {
            String id = provider.systemId();
            if (id == null || !id.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalStateException("Connector plugin " + provider.getClass().getName()
                        + " has an invalid system id '" + id + "'.");
            }
            ConnectorProvider previous = byId.putIfAbsent(id, provider);
            if (previous != null) {
                throw new IllegalStateException("Two connector plugins claim the system id '" + id + "': "
                        + previous.getClass().getName() + " and " + provider.getClass().getName() + ".");
            }
        }
        return new ConnectorRegistry(byId);
    }

    public Optional<ConnectorProvider> find(String systemId) {
        return Optional.ofNullable(providers.get(systemId));
    }

    /**
     * The system of the connection that holds a store's orders sent in through the API: no connector stands behind
     * it (see {@code intake.OrderIntake}).
     */
    public static final String API_SYSTEM = "api";

    /** The provider for {@code systemId}; throws a readable sentence listing the known systems otherwise. */
    public ConnectorProvider require(String systemId) {
        if (API_SYSTEM.equals(systemId) && !providers.containsKey(systemId)) {
            throw new IllegalArgumentException("This connection holds the orders sent in through the API (POST "
                    + "/api/v1/orders); no external system stands behind it, so it cannot be synced, verified or "
                    + "reconciled (its orders reach couriers through routes all the same).");
        }
        return find(systemId).orElseThrow(() -> new IllegalArgumentException("Unknown system '" + systemId
                + "'; known systems: " + String.join(", ", providers.keySet()) + "."));
    }

    public Collection<ConnectorProvider> all() {
        return providers.values();
    }
}
