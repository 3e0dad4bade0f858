package io.tributary.spi;

import java.util.List;
import java.util.Set;

/**
 * The entry point of a connector plugin, found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.tributary.spi.ConnectorProvider}. Stateless; the host makes one instance and
 * calls it from any thread.
 */
public interface ConnectorProvider {
    /** The system id used on the command line and in the store: lower case, e.g. {@code woocommerce}. */
    String systemId();

    /** The name people know the system by, e.g. {@code WooCommerce}. */
    String displayName();

    /** The credentials this system needs, in the order a form should ask for them. */
    List<CredentialField> credentialFields();

    /** The entities {@link Connector#read} supports. Others are refused, never faked as empty. */
    Set<EntityType> supportedEntities();

    /**
     * The entities whose ids {@link Connector#listIds} can list, so that deletes at the source can be found; none
     * unless the connector says so.
     */
    default Set<EntityType> listableEntities() {
        return Set.of();
    }

    /**
     * Why deletes of {@code entity} cannot be found for this system, in one sentence for a user: asked only for an
     * entity it provides but cannot list ids of.
     */
    default String whyNotListable(EntityType entity) {
        return displayName() + " connections cannot list the ids of their " + entity.cliName()
                + ", so deletes there are not found.";
    }

    /**
     * Checks offline what is particular to this system — value formats, combinations of fields, the shape of its
     * API address — and lists every problem, not just the first. The host has already checked what every system
     * shares (an absolute http(s) URL without credentials or query, required fields present, no unknown ones);
     * when the URL failed those checks, {@code settings.apiUrl()} is a valid placeholder, so a connector never
     * reports the same URL problem twice. An empty list means the settings are worth verifying online.
     */
    List<ValidationProblem> validate(ConnectionSettings settings);

    /** Opens a connector for valid settings. Does no network I/O. */
    Connector open(ConnectionSettings settings, ConnectorContext context);

    /** The declared field called {@code name}, if any. */
    default java.util.Optional<CredentialField> field(String name) {
        return credentialFields().stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
