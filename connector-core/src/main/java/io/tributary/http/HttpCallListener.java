package io.tributary.http;

/**
 * Hears about every HTTP call the stack sends to an external system, on the thread that sent it; the daemon counts
 * them (metrics). Each attempt is one call: a retried request is heard once per attempt. It is told the system and
 * the status only — never the URL, a header or a body — so what it records cannot hold a credential or a
 * customer's data.
 */
@FunctionalInterface
public interface HttpCallListener {
    HttpCallListener NONE = (system, status, nanos) -> {};

    /** The status of a call that got no answer: refused, reset, timed out, TLS failed or cancelled. */
    String IO_ERROR = "io_error";

    /**
     * @param system the system id of the connection the call was for ({@code woocommerce})
     * @param status the answer's HTTP status code ({@code "200"}), or {@link #IO_ERROR}
     * @param nanos  how long the call took
     */
    void called(String system, String status, long nanos);
}
