package io.tributary.testkit.leaks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.testkit.woocommerce.FakeWooCommerce;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class CredentialWatchTest {
    private static final Logger log = LoggerFactory.getLogger("io.tributary.leaky");

    @Test
    void aSecretAFakeIssuedIsCaughtInADebugLineAndInAStackTraceButNotShownAgainInTheReport() {
        try (FakeWooCommerce shop = FakeWooCommerce.builder().products(1).orders(0).start()) {
            String secret = shop.defaultKey().consumerSecret();
            log.debug("GET /wp-json/wc/v3/products?consumer_secret={}", secret);
            log.warn("failed", new IllegalStateException("bad " + secret));
            log.info("GET /wp-json/wc/v3/products?consumer_secret=[redacted]");

            List<String> hits = CredentialWatch.drainHits();

            assertThat(hits).hasSize(2);
            assertThat(hits.get(0)).startsWith("the log line of io.tributary.leaky (DEBUG) holds the secret cs_");
            assertThat(hits.get(1)).contains("stack trace");
            assertThat(String.join("\n", hits)).doesNotContain(secret);
            assertThat(CredentialWatch.drainHits()).isEmpty();
        }
    }

    @Test
    void theExtensionFailsTheTestDuringWhichALeakHappened() {
        CredentialWatch.scan("a command's output", "token " + CredentialWatch.secret("tok_" + "x".repeat(20)));

        assertThatThrownBy(() -> CredentialWatchExtension.failOnHits("this test")).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("A credential leaked during this test:\n  a command's output holds the secret "
                        + "tok_…(24 chars)");
        CredentialWatchExtension.failOnHits("the next test"); // drained: the next test starts clean
    }
}
