package io.tributary.testkit.http;

/**
 * Answers one request of a {@link FakeHttpServer}. Called on a connection thread, possibly from
 * several threads at once, so implementations must be thread-safe. An exception becomes a 500.
 */
@FunctionalInterface
public interface FakeHandler {

    FakeResponse handle(RecordedRequest request);
}
