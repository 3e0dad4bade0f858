package io.tributary.store;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One Maven module's share of the central store: where its Flyway migrations live and which Hibernate entities
 * it maps. The opener of a {@link CentralStore} names every module whose tables it needs, so the schema never
 * depends on which jars happen to be on the classpath.
 *
 * @param name       for messages, e.g. {@code core}
 * @param migrations a Flyway location, e.g. {@code classpath:db/migration/core}
 * @param entities   the module's annotated entity classes (may be empty)
 */
public record StoreModule(String name, String migrations, List<Class<?>> entities) {
    public StoreModule {
        requireNonNull(name, "name is null");
        requireNonNull(migrations, "migrations is null");
        entities = List.copyOf(entities);
    }
}
