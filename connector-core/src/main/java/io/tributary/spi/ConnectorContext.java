package io.tributary.spi;

import static java.util.Objects.requireNonNull;

import io.tributary.http.HttpStack;
import java.time.Clock;

/**
 * What the host gives a connector it opens: the one shared HTTP stack (connection pool, retry, rate limits,
 * redacting log) and the clock to use for anything time-based.
 */
public record ConnectorContext(HttpStack http, Clock clock) {
    public ConnectorContext {
        requireNonNull(http, "http is null");
        requireNonNull(clock, "clock is null");
    }
}
