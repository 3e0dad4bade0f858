package io.tributary.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.testing.TestDatabase;
import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in a real headless Chromium against the daemon's HTTP server and the testkit's fake WooCommerce
 * shop: what an admin who would rather click than type does on a first day, end to end. Screenshots of each page
 * land in {@code daemon/target/console-screenshots/}.
 */
class ConsoleBrowserTest {
    private static final String WRONG_SECRET = "cs_wrong0000000000000000000000000000000000";

    @TempDir
    Path home;

    @TempDir
    Path profile;

    @ParameterizedTest
    @EnumSource(TestDatabase.Backend.class)
    void anAdminConnectsSchedulesSyncsAndIssuesAPartnerKey(TestDatabase.Backend backend) throws Exception {
        try (ApiHarness api = new ApiHarness(backend, home);
                FakeWooCommerce shop = FakeWooCommerce.builder().products(12).orders(7).seed(11).start();
                Browser browser = new Browser(profile, backend.name().toLowerCase())) {
            try {
                walkThrough(backend, api, shop, browser);
            } catch (Throwable failed) {
                browser.screenshot("failed"); // what the page showed when the test gave up
                throw failed;
            }
        }
    }

    private static void walkThrough(TestDatabase.Backend backend, ApiHarness api, FakeWooCommerce shop,
            Browser browser) throws Exception {
        {
            String admin = api.key(null, null);
            assertThat(api.call("POST", admin, "/api/v1/stores", "{\"code\":\"outlet\",\"name\":\"Outlet\"}").status())
                    .isEqualTo(201);
            String console = "http://127.0.0.1:" + api.server().port() + "/";

            // sign in: a wrong key is refused with a sentence, the admin key opens the connections page
            browser.open(console);
            browser.type(By.id("sign-in-key"), "tk_not_a_real_key");
            browser.click(By.cssSelector("#sign-in-form button[type=submit]"));
            assertThat(browser.awaitText(By.id("sign-in-error"), "not accepted")).contains("unknown or revoked");
            browser.screenshot("01-sign-in-refused");
            browser.type(By.id("sign-in-key"), admin);
            browser.click(By.cssSelector("#sign-in-form button[type=submit]"));
            assertThat(browser.awaitText(By.cssSelector("main h1"), "Connections")).isEqualTo("Connections");
            assertThat(browser.find(By.id("who-name")).getText()).contains("test key", "all stores");
            assertThat(browser.driver().getCurrentUrl()).doesNotContain(admin);
            browser.screenshot("02-connections-empty");

            // a new WooCommerce connection: the form shows the system's own fields; a wrong secret is
            // BAD_CREDENTIALS before anything is saved, and Save stays off until a verify succeeds
            browser.click(By.linkText("New connection"));
            new Select(browser.find(By.cssSelector("form[aria-label='New connection'] select[name=system]")))
                    .selectByValue("woocommerce");
            browser.find(By.cssSelector("[data-credential=access-token]"));
            assertThat(browser.find(By.cssSelector("[data-credential=secret]")).getAttribute("type"))
                    .isEqualTo("password");
            browser.type(By.name("name"), "Main shop");
            browser.type(By.name("url"), shop.siteUrl().toString());
            browser.type(By.cssSelector("[data-credential=access-token]"), shop.consumerKey());
            browser.type(By.cssSelector("[data-credential=secret]"), WRONG_SECRET);
            browser.click(By.id("verify"));
            assertThat(browser.awaitText(By.id("verify-result"), "BAD_CREDENTIALS")).contains("BAD_CREDENTIALS");
            assertThat(browser.find(By.id("save")).isEnabled()).isFalse();
            assertThat(api.get(admin, "/api/v1/connections").json()).isEmpty();
            browser.screenshot("03-verify-bad-credentials");

            browser.type(By.cssSelector("[data-credential=secret]"), shop.consumerSecret());
            browser.click(By.id("verify"));
            assertThat(browser.awaitText(By.id("verify-result"), "OK")).doesNotContain("BAD_CREDENTIALS");
            assertThat(browser.clickable(By.id("save")).isEnabled()).isTrue();
            browser.screenshot("04-verify-ok");
            browser.click(By.id("save"));
            assertThat(browser.awaitText(By.cssSelector("main h1"), "Main shop")).isEqualTo("Main shop");
            JsonNode saved = api.get(admin, "/api/v1/connections").json().get(0);
            long id = saved.get("id").asLong();
            assertThat(saved.get("credentials").get("secret").asText()).isEqualTo("****");
            assertThat(browser.find(By.cssSelector("main .details")).getText()).doesNotContain(shop.consumerSecret());

            // the schedule dialog: weekly on Sunday at 03:30 Stockholm time, active; the page shows the next run
            browser.click(By.cssSelector("[data-edit-schedule=products]"));
            WebElement dialog = browser.find(By.id("schedule-dialog"));
            dialog.findElement(By.cssSelector("input[name=frequency][value=WEEKLY]")).click();
            new Select(dialog.findElement(By.name("dayOfWeek"))).selectByValue("SUN");
            WebElement time = dialog.findElement(By.name("time"));
            time.clear();
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("arguments[0].value = '03:30'", time);
            WebElement zone = dialog.findElement(By.name("zone"));
            zone.clear();
            zone.sendKeys("Europe/Stockholm");
            WebElement active = dialog.findElement(By.name("active"));
            if (!active.isSelected()) {
                active.click();
            }
            browser.screenshot("05-schedule-dialog");
            dialog.findElement(By.cssSelector("button[type=submit]")).click();
            browser.awaitText(By.id("schedule-message"), "next run");
            String next = browser.find(By.cssSelector("[data-next-fire=products] time")).getAttribute("datetime");
            ZonedDateTime nextInStockholm = Instant.parse(next).atZone(ZoneId.of("Europe/Stockholm"));
            assertThat(nextInStockholm.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(nextInStockholm.toLocalTime()).isEqualTo(LocalTime.of(3, 30));
            JsonNode schedule = api.get(admin, "/api/v1/schedules?connection=" + id).json();
            assertThat(schedule).anySatisfy(s -> {
                assertThat(s.get("entity").asText()).isEqualTo("products");
                assertThat(s.get("frequency").asText()).isEqualTo("WEEKLY");
                assertThat(s.get("active").asBoolean()).isTrue();
                assertThat(s.get("nextFireAt").asText()).isEqualTo(next);
            });
            browser.screenshot("06-connection-scheduled");

            // sync now: the progress line follows the run to its end and shows what was stored
            int productsInShop = shop.productIds().size()
                    + shop.productIds().stream().mapToInt(p -> shop.variationIds(p).size()).sum();
            browser.click(By.cssSelector("[data-sync=products]"));
            String progress = browser.awaitText(By.cssSelector("#sync-progress [data-outcome=SUCCEEDED]"),
                    "SUCCEEDED");
            assertThat(progress).contains(productsInShop + " read", productsInShop + " new");
            browser.click(By.cssSelector("[data-sync=orders]"));
            browser.awaitText(By.cssSelector("#sync-progress [data-outcome=SUCCEEDED]"), "7 read");
            browser.screenshot("07-synced");

            // browsing: orders found by number, products page by page
            String number = shop.order(shop.orderIds().get(2)).path("number").asText();
            browser.click(By.linkText("Orders"));
            browser.type(By.name("number"), number);
            browser.click(By.cssSelector("form[role=search] button[type=submit]"));
            browser.until(d -> d.findElements(By.cssSelector("main tbody tr")).size() == 1);
            assertThat(browser.find(By.cssSelector("main tbody tr")).getText()).contains(number);
            browser.screenshot("08-orders-by-number");
            // the order's customer, with all their orders (the fake's customers buy more than once, or once)
            String email = shop.order(shop.orderIds().get(2)).path("billing").path("email").asText();
            browser.click(By.cssSelector("main tbody tr a[href^='#/customers/']"));
            browser.awaitText(By.cssSelector("main dl"), email.toLowerCase(java.util.Locale.ROOT));
            assertThat(browser.find(By.cssSelector("main table")).getText()).contains(number);
            browser.screenshot("08b-customer-with-orders");
            browser.click(By.linkText("Products"));
            browser.until(d -> d.findElements(By.cssSelector("main tbody tr")).size() == Math.min(50, productsInShop));
            browser.screenshot("09-products");
            browser.click(By.linkText("Runs"));
            browser.until(d -> d.findElements(By.cssSelector("main tbody tr")).size() == 2);
            browser.screenshot("10-runs");

            // a partner key: orders.statuses of two stores and nothing else; clicking a block's title toggles it
            browser.click(By.linkText("API keys"));
            browser.type(By.cssSelector("form[aria-label='New API key'] input[name=name]"), "Courier partner");
            browser.click(By.cssSelector("input[name=accessType][value=SELECTED_STORES]"));
            browser.click(By.cssSelector("input[name=stores][value=default]"));
            browser.click(By.cssSelector("input[name=stores][value=outlet]"));
            browser.click(By.cssSelector("[data-block=orders]"));
            assertThat(browser.driver().findElements(By.cssSelector("input[name=methods]:checked"))).hasSize(3);
            browser.click(By.cssSelector("[data-block=orders]"));
            assertThat(browser.driver().findElements(By.cssSelector("input[name=methods]:checked"))).isEmpty();
            browser.click(By.cssSelector("input[name=methods][value='orders.statuses']"));
            browser.screenshot("11-new-partner-key");
            browser.click(By.id("generate"));
            String token = browser.find(By.id("token")).getAttribute("value");
            assertThat(token).hasSizeGreaterThanOrEqualTo(32);
            browser.click(By.id("copy-token"));
            browser.awaitText(By.id("new-token"), "Copied");
            browser.screenshot("12-partner-key-token");

            ApiHarness.Answer refused = api.get(token, "/api/v1/connections");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("error").asText()).contains("connections.read");
            ApiHarness.Answer statuses = api.get(token, "/api/v1/orders/statuses?since=2000-01-01T00:00:00Z");
            assertThat(statuses.status()).as(statuses.toString()).isEqualTo(200);
            assertThat(statuses.json().get("items")).hasSize(7);
            JsonNode partner = api.get(admin, "/api/v1/keys?accessType=SELECTED_STORES").json().get(0);
            assertThat(partner.get("methods")).extracting(JsonNode::asText).containsExactly("orders.statuses");
            assertThat(partner.get("stores")).extracting(JsonNode::asText).containsExactlyInAnyOrder("default",
                    "outlet");
            assertThat(partner.toString()).doesNotContain(token);

            // the list shows the key; revoking it there closes the API to its token
            browser.open(console + "#/keys?accessType=SELECTED_STORES");
            browser.until(d -> d.findElements(By.cssSelector("main tbody tr")).size() == 1);
            browser.screenshot("13-keys");
            browser.click(By.xpath("//main//tbody//button[text()='Revoke']"));
            browser.until(d -> d.findElements(By.xpath("//main//tbody//button[text()='Activate']")).size() == 1);
            assertThat(api.get(token, "/api/v1/orders/statuses").status()).isEqualTo(401);

            // the same page signed in with the partner's own (re-activated) key shows no admin sections
            browser.click(By.xpath("//main//tbody//button[text()='Activate']"));
            browser.until(d -> d.findElements(By.xpath("//main//tbody//button[text()='Revoke']")).size() == 1);
            browser.click(By.id("sign-out"));
            browser.type(By.id("sign-in-key"), token);
            browser.click(By.cssSelector("#sign-in-form button[type=submit]"));
            browser.awaitText(By.id("who-name"), "Courier partner");
            assertThat(browser.driver().findElements(By.cssSelector("#nav a")).stream()
                    .filter(WebElement::isDisplayed).toList()).isEmpty();
            assertThat(browser.awaitText(By.cssSelector("main"), "orders.statuses")).contains("none of the console");
            browser.screenshot("14-partner-signed-in");

            assertThat(Files.list(Browser.SCREENSHOTS).filter(p -> p.getFileName().toString()
                    .startsWith(backend.name().toLowerCase())).count()).isEqualTo(15);
            assertThat(List.of(browser.driver().getPageSource())).noneMatch(page -> page.contains(admin)
                    || page.contains(shop.consumerSecret()));
        }
    }
}
