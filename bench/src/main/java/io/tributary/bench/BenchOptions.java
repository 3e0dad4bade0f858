package io.tributary.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to measure with.
 *
 * @param products       products seeded in each shop (variations come on top)
 * @param orders         orders seeded in each shop
 * @param systems        the fake systems to sync from ({@code woocommerce}, {@code magento}); none: no sync part
 * @param rounds         alternating rounds of limit and Tributary per entity; medians are reported
 * @param edits          records edited at the source before the incremental sync
 * @param memoryProducts the catalogue sizes of the memory part (synced with {@code -Xmx256m}); empty: skipped
 * @param serverUrl      a JDBC URL of the MariaDB server whose user may create and drop databases
 * @param tributaryJar   the packaged CLI; when missing, its main class runs from this class path
 * @param launcher       the {@code tributary} launcher script that starts the packaged CLI, as a user's commands do
 * @param out            the Markdown report ({@code BENCHMARKS.md})
 * @param profile        where Tributary's runs (and the scheduler bench's daemons) write a Java Flight Recording
 *                       each, or null
 * @param wooVersion     the WooCommerce version the fake WooCommerce shops report (and behave as)
 * @param schedulerConnections connections of the scheduler part (2 active schedules each); 0: skipped
 * @param schedulerDue   of those, the orders schedules moved to one minute, whose syncs' start delays are measured
 */
record BenchOptions(int products, int orders, List<String> systems, int rounds, int edits,
        List<Integer> memoryProducts, String serverUrl, String user, String password, Path tributaryJar,
        Path launcher, Path out, Path profile, String shopHeap, String wooVersion, int schedulerConnections, int schedulerDue,
        String command) {

    /** A current WooCommerce: 10.3 added {@code GET /wc/v3/variations}. */
    static final String WOOCOMMERCE_VERSION = "10.3.0";

    static final String USAGE = "java -jar bench/target/tributary-bench.jar [--quick] [--products N] [--orders N] "
            + "[--systems woocommerce,magento|none] [--rounds R] [--edits K] [--memory-products N,N|none] "
            + "[--woo-version V] [--scheduler-connections N] [--scheduler-due D] [--server JDBC_URL] [--user U] [--password P] [--tributary-jar FILE] [--launcher FILE] [--out FILE] [--profile DIR]";

    static BenchOptions parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                given.put("--quick", "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                given.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument " + args[i] + "\nusage: " + USAGE);
            }
        }
        boolean quick = given.containsKey("--quick");
        int products = Integer.parseInt(given.getOrDefault("--products", quick ? "10000" : "100000"));
        String memory = given.getOrDefault("--memory-products", quick ? "10000,50000" : "100000,1000000");
        List<Integer> memoryProducts = memory.equals("none") ? List.of()
                : List.of(memory.split(",")).stream().map(String::trim).map(Integer::parseInt).toList();
        int biggest = Math.max(products, memoryProducts.stream().mapToInt(Integer::intValue).max().orElse(0));
        return new BenchOptions(products,
                Integer.parseInt(given.getOrDefault("--orders", quick ? "10000" : "100000")),
                given.getOrDefault("--systems", "woocommerce,magento").equals("none") ? List.of()
                        : List.of(given.getOrDefault("--systems", "woocommerce,magento").split(",")),
                Integer.parseInt(given.getOrDefault("--rounds", quick ? "1" : "3")),
                Integer.parseInt(given.getOrDefault("--edits", "100")),
                memoryProducts,
                given.getOrDefault("--server", "jdbc:mariadb://127.0.0.1:3306/"),
                given.getOrDefault("--user", "root"), given.getOrDefault("--password", ""),
                Path.of(given.getOrDefault("--tributary-jar", "daemon/target/tributary.jar")),
                Path.of(given.getOrDefault("--launcher", "tributary")),
                Path.of(given.getOrDefault("--out", "BENCHMARKS.md")),
                given.containsKey("--profile") ? Path.of(given.get("--profile")) : null,
                given.getOrDefault("--shop-heap", biggest > 200_000 ? "8g" : "2g"),
                given.getOrDefault("--woo-version", WOOCOMMERCE_VERSION),
                Integer.parseInt(given.getOrDefault("--scheduler-connections", quick ? "1000" : "10000")),
                Integer.parseInt(given.getOrDefault("--scheduler-due", quick ? "100" : "1000")),
                "java -jar bench/target/tributary-bench.jar " + String.join(" ", args));
    }

    /** The server URL naming {@code database}. */
    String databaseUrl(String database) {
        String url = serverUrl.replaceFirst("^(jdbc:mariadb://[^/?]+)/?[^?]*", "$1/" + database);
        return url;
    }
}
