/**
 * The fakes of remote shops answer over real sockets through OkHttp's MockWebServer.
 *
 * <p>{@link io.tributary.testkit.http.FakeHttpServer} answers with a {@link io.tributary.testkit.http.FakeHandler},
 * records every {@link io.tributary.testkit.http.RecordedRequest} so tests can check what a client sent, and
 * misbehaves on demand through {@link io.tributary.testkit.http.FaultInjector}: latency, an error status with
 * {@code Retry-After}, a TCP reset, a malformed JSON body, a body cut short; it can also serve HTTPS with a
 * certificate nobody trusts. Hooks run an action after the n-th request on a path, e.g. to edit a record while a
 * sync pages. {@link io.tributary.testkit.http.RouteTable} matches paths with placeholders for fakes that route
 * requests themselves.
 */
package io.tributary.testkit.http;
