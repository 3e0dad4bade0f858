package io.tributary.http;

import io.tributary.spi.ConnectorException;
import io.tributary.spi.FailureKind;
import io.tributary.spi.RetriableConnectorException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;

/** Turns I/O failures and unexpected HTTP statuses into {@link ConnectorException}s with one plain sentence. */
public final class HttpFailures {
    private HttpFailures() {}

    /** Whether retrying the request may help: every I/O failure except a TLS one. */
    public static boolean retriable(Throwable failure) {
        return failure instanceof IOException && !(failure instanceof SSLException)
                && !(failure instanceof SameHostRedirects.CrossHostRedirectException);
    }

    /** Classifies a failure to get any answer from {@code url}. */
    public static ConnectorException forIo(IOException failure, HttpUrl url, HttpPolicy policy) {
        String host = url.host() + (url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port());
        if (failure instanceof UnknownHostException) {
            return new RetriableConnectorException(FailureKind.UNREACHABLE,
                    "The host name " + url.host() + " could not be resolved: check the API URL.", null, failure);
        }
        if (failure instanceof ConnectException || failure instanceof NoRouteToHostException) {
            return new RetriableConnectorException(FailureKind.UNREACHABLE, "Nothing accepts connections at "
                    + host + " (" + reason(failure, "connection refused") + "): check the API URL and that the "
                    + "server is up.", null, failure);
        }
        if (failure instanceof SameHostRedirects.CrossHostRedirectException redirect) {
            return new ConnectorException(FailureKind.NOT_THIS_SYSTEM, redirect.getMessage(), null, failure);
        }
        if (failure instanceof SSLException ssl) {
            return new ConnectorException(FailureKind.TLS, tlsSentence(ssl, url, host), null, failure);
        }
        if (failure instanceof SocketTimeoutException
                && String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT).contains("connect")) {
            return new RetriableConnectorException(FailureKind.TIMEOUT, host + " did not accept the connection within "
                    + seconds(policy.connectTimeout().toMillis()) + ".", null, failure);
        }
        if (failure instanceof InterruptedIOException) {
            return new RetriableConnectorException(FailureKind.TIMEOUT,
                    host + " did not answer " + Redaction.withoutQuery(url) + " in time.", null, failure);
        }
        return new RetriableConnectorException(FailureKind.UNREACHABLE, "The connection to " + host
                + " was lost before a complete answer arrived (" + reason(failure, "connection dropped") + ").",
                null, failure);
    }

    /** Classifies an answer the caller did not expect, by its status. */
    public static ConnectorException forStatus(HttpAnswer answer, String what) {
        int status = answer.status();
        String where = answer.where();
        if (status == 429) {
            return new RetriableConnectorException(FailureKind.RATE_LIMITED, where + " kept answering 429 Too Many "
                    + "Requests while " + what + "; the server limits how fast it may be read.", status, null);
        }
        if (status >= 500) {
            return new RetriableConnectorException(FailureKind.SERVER_ERROR, where + " failed with HTTP " + status
                    + " while " + what + "; the server has a problem, try again later.", status, null);
        }
        if (status == 401) {
            return new ConnectorException(FailureKind.BAD_CREDENTIALS, where + " refused the credentials (HTTP 401) "
                    + "while " + what + ".", status, null);
        }
        if (status == 403) {
            return new ConnectorException(FailureKind.FORBIDDEN, where + " is not allowed for these credentials "
                    + "(HTTP 403) while " + what + ".", status, null);
        }
        return new ConnectorException(FailureKind.SERVER_ERROR, where + " answered HTTP " + status + " while "
                + what + ".", status, null);
    }

    private static String tlsSentence(SSLException ssl, HttpUrl url, String host) {
        String text = chainText(ssl);
        if (text.contains("unrecognized ssl message") || text.contains("plaintext connection")) {
            return host + " does not speak TLS on this port: use http:// or the server's HTTPS port.";
        }
        if (ssl instanceof SSLPeerUnverifiedException || text.contains("hostname")
                || text.contains("subject alternative")) {
            return "The TLS certificate of " + host + " is not issued for " + url.host() + ".";
        }
        if (hasCause(ssl, CertificateException.class) || text.contains("pkix") || text.contains("certification path")) {
            return "The TLS certificate of " + host + " is not trusted (self-signed, expired or from an unknown "
                    + "authority; an authority of your own is trusted through the ca_file setting).";
        }
        if (ssl instanceof SSLHandshakeException) {
            return "The TLS handshake with " + host + " failed (" + reason(ssl, "handshake failure") + ").";
        }
        return "The TLS connection to " + host + " failed (" + reason(ssl, "TLS error") + ").";
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String chainText(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(' ').append(t.getMessage());
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    /** A short reason from an exception message, cut before anything that could be a URL with a query. */
    private static String reason(Throwable failure, String fallback) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return fallback;
        }
        int url = message.indexOf("://");
        String cut = url < 0 ? message : message.substring(0, Math.max(0, message.lastIndexOf(' ', url))).trim();
        cut = cut.length() > 120 ? cut.substring(0, 120) : cut;
        return cut.isBlank() ? fallback : cut;
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
