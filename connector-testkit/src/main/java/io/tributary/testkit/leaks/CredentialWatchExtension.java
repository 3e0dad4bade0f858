package io.tributary.testkit.leaks;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the test (or the class, for what its {@code @BeforeAll}/{@code @AfterAll} logged) during which a
 * registered credential reached a log line or a command's output. Registered for every test of the modules that
 * use the testkit through {@code META-INF/services} and JUnit's extension autodetection (switched on in the root
 * {@code pom.xml}).
 */
public final class CredentialWatchExtension implements AfterEachCallback, AfterAllCallback {
    @Override
    public void afterEach(ExtensionContext context) {
        failOnHits(context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        failOnHits(context.getDisplayName());
    }

    static void failOnHits(String test) {
        List<String> hits = CredentialWatch.drainHits();
        if (!hits.isEmpty()) {
            throw new AssertionError("A credential leaked during " + test + ":\n  " + String.join("\n  ", hits));
        }
    }
}
