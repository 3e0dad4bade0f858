package io.tributary.connection;

import io.tributary.spi.VerificationResult;

/**
 * Hears about every verification a {@link ConnectionVerifier} makes, on the thread that made it: the daemon counts
 * them by system and result (metrics). Production code without metrics uses {@link #NONE}.
 */
@FunctionalInterface
public interface VerificationHook {
    VerificationHook NONE = (system, result) -> {};

    void verified(String system, VerificationResult result);
}
