package io.tributary.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.testkit.FakeSystem;
import io.tributary.testkit.http.RecordedRequest;
import io.tributary.testkit.magento.FakeMagento;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A fake shop in a JVM of its own, so that the benchmark's contenders do not share a heap, a JIT or a garbage
 * collector with the shop they read. Started by {@link ShopHandle}; driven by one command per line on stdin, each
 * answered by one line on stdout (after {@code READY} and a JSON description of the shop):
 * <ul>
 *   <li>{@code count}: the requests received so far;</li>
 *   <li>{@code targets FROM}: the request targets (path and query) of GETs after request number {@code FROM}, one per
 *       line, then {@code END};</li>
 *   <li>{@code edit products K} / {@code edit orders K}: edits K records spread over the catalogue, saved now;</li>
 *   <li>{@code quit}.</li>
 * </ul>
 * Usage: {@code java -cp tributary-bench.jar io.tributary.bench.ShopProcess woocommerce|magento PRODUCTS ORDERS SEED
 * [WOOCOMMERCE_VERSION]}.
 */
public final class ShopProcess {
    private ShopProcess() {}

    public static void main(String[] args) throws Exception {
        QuietLogging.apply();
        String system = args[0];
        int products = Integer.parseInt(args[1]);
        int orders = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        String wooVersion = args.length > 4 ? args[4] : BenchOptions.WOOCOMMERCE_VERSION;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Map<String, Object> description = new LinkedHashMap<>();
        try (FakeSystem shop = start(system, products, orders, seed, wooVersion, description)) {
            out.println("READY " + new ObjectMapper().writeValueAsString(description));
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            Random random = new Random(seed);
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                String[] words = line.trim().split(" ");
                switch (words[0]) {
                    case "count" -> out.println(shop.requests().totalCount());
                    case "targets" -> {
                        long from = Long.parseLong(words[1]);
                        List<RecordedRequest> kept = shop.requests().all();
                        for (RecordedRequest request : kept) {
                            if (request.sequence() > from && request.method().equals("GET")) {
                                out.println(request.target());
                            }
                        }
                        out.println("END");
                    }
                    case "edit" -> {
                        edit(shop, words[1], Integer.parseInt(words[2]), random);
                        out.println("OK");
                    }
                    default -> out.println("ERROR unknown command " + words[0]);
                }
            }
        }
    }

    private static FakeSystem start(String system, int products, int orders, long seed, String wooVersion,
            Map<String, Object> d) {
        return switch (system) {
            case "woocommerce" -> {
                FakeWooCommerce shop = FakeWooCommerce.builder().products(products).orders(orders).seed(seed)
                        .wooVersion(wooVersion)
                        // every edit a second apart, as edits made by people are
                        .editTick(Duration.ofSeconds(1)).start();
                d.put("url", shop.siteUrl().toString());
                d.put("version", shop.wooVersion());
                d.put("accessToken", shop.consumerKey());
                d.put("secret", shop.consumerSecret());
                d.put("products", shop.seedSummary().products());
                d.put("variations", shop.seedSummary().variations());
                d.put("orders", shop.seedSummary().orders());
                yield shop;
            }
            case "magento" -> {
                FakeMagento shop = FakeMagento.builder().products(products).orders(orders).seed(seed)
                        .editTick(Duration.ofSeconds(1)).start();
                d.put("url", shop.apiUrl().toString());
                d.put("accessToken", shop.adminUsername());
                d.put("secret", shop.adminPassword());
                d.put("products", shop.productIds().size());
                d.put("orders", shop.orderIds().size());
                yield shop;
            }
            default -> throw new IllegalArgumentException("no fake for system " + system);
        };
    }

    /** Edits {@code count} different records chosen at random (a seeded choice), each saved at the shop's now. */
    private static void edit(FakeSystem shop, String entity, int count, Random random) {
        boolean products = entity.equals("products");
        if (shop instanceof FakeWooCommerce woo) {
            List<Integer> ids = pick(products ? woo.productIds() : woo.orderIds(), count, random);
            for (int id : ids) {
                if (products) {
                    woo.editProduct(id, p -> p.name("Edited product " + random.nextInt(1_000_000)));
                } else {
                    woo.editOrder(id, o -> o.customerNote("edited " + random.nextInt(1_000_000)));
                }
            }
        } else if (shop instanceof FakeMagento magento) {
            List<Integer> ids = pick(products ? magento.productIds() : magento.orderIds(), count, random);
            for (int id : ids) {
                if (products) {
                    magento.editProduct(id, p -> p.price(random.nextInt(100) + ".50"));
                } else {
                    magento.editOrder(id, o -> o.customerEmail("edited" + random.nextInt(1_000_000) + "@example.com"));
                }
            }
        }
    }

    private static List<Integer> pick(List<Integer> ids, int count, Random random) {
        List<Integer> shuffled = new java.util.ArrayList<>(ids);
        java.util.Collections.shuffle(shuffled, random);
        return shuffled.subList(0, Math.min(count, shuffled.size()));
    }
}
