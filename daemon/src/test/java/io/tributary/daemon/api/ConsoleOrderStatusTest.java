package io.tributary.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import io.tributary.testkit.woocommerce.KeyPermission;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;

/**
 * An order's page in the web console, in a real headless Chromium: an admin finds an order, changes its status there,
 * and the shop gets it; a shop that refuses (a read-only key) leaves the status and the page says why. Screenshots in
 * {@code daemon/target/console-screenshots/order-*}.
 */
class ConsoleOrderStatusTest {
    private static final String READ_ONLY_KEY = "ck_" + "5".repeat(40);
    private static final String READ_ONLY_SECRET = "cs_" + "6".repeat(40);

    @TempDir
    Path home;

    @TempDir
    Path profile;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void anAdminChangesAnOrdersStatusFromItsPage(TestDatabase.Backend backend) throws Exception {
        try (ApiHarness api = new ApiHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(3).orders(4).seed(41).start();
                Browser browser = new Browser(profile, "order-" + backend.name().toLowerCase())) {
            try {
                walkThrough(api, shop, browser);
            } catch (Throwable failed) {
                browser.screenshot("failed");
                throw failed;
            }
        }
    }

    private static void walkThrough(ApiHarness api, FakeWooCommerce shop, Browser browser) {
        shop.addKey(READ_ONLY_KEY, READ_ONLY_SECRET, KeyPermission.READ, true);
        String admin = api.key(null, null);
        long full = connect(api, admin, shop, shop.consumerKey(), shop.consumerSecret(), "Shop");
        long readOnly = connect(api, admin, shop, READ_ONLY_KEY, READ_ONLY_SECRET, "Shop read only");
        int order = shop.orderIds().get(1);
        shop.editOrder(order, edit -> edit.status("processing"));
        syncOrders(api, admin, full);
        syncOrders(api, admin, readOnly);
        String number = shop.order(order).path("number").asText();

        browser.open("http://127.0.0.1:" + api.server().port() + "/");
        browser.type(By.id("sign-in-key"), admin);
        browser.click(By.cssSelector("#sign-in-form button[type=submit]"));
        browser.awaitText(By.cssSelector("main h1"), "Connections");

        // the orders list links each number to the order's page
        browser.open("http://127.0.0.1:" + api.server().port() + "/#/orders?connection=" + full);
        browser.until(d -> d.findElements(By.cssSelector("main tbody tr")).size() == 4);
        browser.click(By.linkText(number));
        browser.awaitText(By.cssSelector("main h1"), "Order " + number);
        assertThat(browser.find(By.id("order-status")).getText()).isEqualTo("processing");
        assertThat(browser.find(By.cssSelector("main")).getText()).contains("No status was changed from here yet.");
        browser.screenshot("01-order");

        // changed there: written to the shop, shown, recorded
        shop.requests().clear();
        browser.type(By.cssSelector("form[aria-label='Change status'] input[name=status]"), "completed");
        browser.click(By.cssSelector("form[aria-label='Change status'] button[type=submit]"));
        assertThat(browser.awaitText(By.cssSelector("main [role=status]"), "The shop took it"))
                .contains("HTTP 200", "completed");
        browser.awaitText(By.id("order-status"), "completed");
        assertThat(browser.find(By.xpath("//main//table[last()]")).getText()).contains("processing", "completed",
                "WRITTEN");
        assertThat(shop.requests().all().stream().filter(r -> r.method().equals("PUT")).count()).isEqualTo(1);
        assertThat(shop.order(order).path("status").asText()).isEqualTo("completed");
        browser.screenshot("02-status-written");

        // the same order through the read-only key: the shop refuses, the page says why, the status stays
        browser.open("http://127.0.0.1:" + api.server().port() + "/#/orders/" + readOnly + "%3A" + order);
        browser.awaitText(By.cssSelector("main h1"), "Order " + number);
        browser.awaitText(By.id("order-status"), "processing");
        browser.type(By.cssSelector("form[aria-label='Change status'] input[name=status]"), "cancelled");
        browser.click(By.cssSelector("form[aria-label='Change status'] button[type=submit]"));
        String refusal = browser.awaitText(By.cssSelector("main [role=alert]"), "did not take status cancelled");
        assertThat(refusal).contains("stays processing").doesNotContain(READ_ONLY_SECRET);
        assertThat(browser.find(By.id("order-status")).getText()).isEqualTo("processing");
        browser.screenshot("03-status-refused");
        JsonNode stored = api.get(admin, "/api/v1/orders/" + readOnly + ":" + order).json();
        assertThat(stored.get("status").asText()).isEqualTo("processing");
        assertThat(stored.get("statusWrites")).extracting(w -> w.get("outcome").asText()).containsExactly("REFUSED");
        assertThat(browser.driver().getPageSource()).doesNotContain(admin).doesNotContain(READ_ONLY_SECRET);
    }

    private static long connect(ApiHarness api, String admin, FakeWooCommerce shop, String key, String secret,
            String name) {
        return api.call("POST", admin, "/api/v1/connections", "{\"system\":\"woocommerce\",\"name\":\"" + name
                + "\",\"url\":\"" + shop.siteUrl() + "\",\"credentials\":{\"access-token\":\"" + key
                + "\",\"secret\":\"" + secret + "\"}}").json().get("id").asLong();
    }

    private static void syncOrders(ApiHarness api, String admin, long connection) {
        long run = api.call("POST", admin, "/api/v1/connections/" + connection + "/syncs", "{\"entity\":\"orders\"}")
                .json().get("runId").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.get(admin, "/api/v1/runs/" + run).json()
                .get("outcome").asText().equals("RUNNING"));
        assertThat(api.get(admin, "/api/v1/runs/" + run).json().get("outcome").asText()).isEqualTo("SUCCEEDED");
    }
}
