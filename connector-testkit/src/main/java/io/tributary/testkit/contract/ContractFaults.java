package io.tributary.testkit.contract;

import io.tributary.testkit.FakeSystem;
import io.tributary.testkit.http.Fault;
import java.time.Duration;

/**
 * The faults the contract test turns on a fake shop, whatever server it runs on: the fakes built on
 * {@link FakeSystem} and the fake Shopify (its own GraphQL dispatcher) answer the same few knobs.
 */
public interface ContractFaults {
    /** The next {@code times} answers start only after {@code delay}. */
    void slow(Duration delay, int times);

    /** The next {@code times} requests get {@code status}, with {@code Retry-After} when it is not null. */
    void status(int status, Duration retryAfter, int times);

    /** The knobs of a fake built on {@link FakeSystem}. */
    static ContractFaults of(FakeSystem fake) {
        return new ContractFaults() {
            @Override
            public void slow(Duration delay, int times) {
                fake.faults().inject(Fault.latency(delay), times);
            }

            @Override
            public void status(int status, Duration retryAfter, int times) {
                Fault fault = Fault.status(status);
                fake.faults().inject(retryAfter == null ? fault : fault.withRetryAfter(retryAfter), times);
            }
        };
    }
}
