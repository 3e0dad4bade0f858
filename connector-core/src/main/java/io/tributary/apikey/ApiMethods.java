package io.tributary.apikey;

import io.tributary.store.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalogue of the admin API's methods (the names of CLI.md), grouped in blocks. A key lists the methods it
 * may call; a block name given where methods are expected stands for all of the block's methods.
 */
public final class ApiMethods {
    public static final String CONNECTIONS_READ = "connections.read";
    public static final String CONNECTIONS_WRITE = "connections.write";
    public static final String CONNECTIONS_VERIFY = "connections.verify";
    public static final String SCHEDULES_READ = "schedules.read";
    public static final String SCHEDULES_WRITE = "schedules.write";
    public static final String SYNCS_RUN = "syncs.run";
    public static final String RUNS_READ = "runs.read";
    public static final String PRODUCTS_READ = "products.read";
    public static final String ORDERS_READ = "orders.read";
    public static final String ORDERS_WRITE = "orders.write";
    public static final String ORDERS_STATUSES = "orders.statuses";
    public static final String CUSTOMERS_READ = "customers.read";
    public static final String ROUTES_READ = "routes.read";
    public static final String ROUTES_WRITE = "routes.write";
    public static final String KEYS_READ = "keys.read";
    public static final String KEYS_WRITE = "keys.write";

    /** Block name → its methods, in the catalogue's order. */
    public static final Map<String, List<String>> BLOCKS = blocks();

    /** Every method, in the catalogue's order. */
    public static final List<String> ALL = BLOCKS.values().stream().flatMap(List::stream).toList();

    private ApiMethods() {}

    private static Map<String, List<String>> blocks() {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        blocks.put("connections", List.of(CONNECTIONS_READ, CONNECTIONS_WRITE, CONNECTIONS_VERIFY));
        blocks.put("schedules", List.of(SCHEDULES_READ, SCHEDULES_WRITE));
        blocks.put("syncs", List.of(SYNCS_RUN));
        blocks.put("runs", List.of(RUNS_READ));
        blocks.put("products", List.of(PRODUCTS_READ));
        blocks.put("orders", List.of(ORDERS_READ, ORDERS_WRITE, ORDERS_STATUSES));
        blocks.put("customers", List.of(CUSTOMERS_READ));
        blocks.put("routes", List.of(ROUTES_READ, ROUTES_WRITE));
        blocks.put("keys", List.of(KEYS_READ, KEYS_WRITE));
        return java.util.Collections.unmodifiableMap(blocks);
    }

    /**
     * Method and block names → the methods they stand for, in catalogue order; null or empty means every method.
     *
     * @throws InvalidInputException naming each unknown name (field {@code methods})
     */
    public static List<String> expand(List<String> names) {
        if (names == null || names.isEmpty()) {
            return ALL;
        }
        Set<String> chosen = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String raw : names) {
            String name = raw == null ? "" : raw.trim();
            if (BLOCKS.containsKey(name)) {
                chosen.addAll(BLOCKS.get(name));
            } else if (ALL.contains(name)) {
                chosen.add(name);
            } else {
                unknown.add("'" + name + "'");
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("methods", "Unknown method " + String.join(", ", unknown)
                    + "; methods are " + String.join(", ", ALL) + ", or a block: " + String.join(", ", BLOCKS.keySet())
                    + ".");
        }
        return ALL.stream().filter(chosen::contains).toList();
    }
}
