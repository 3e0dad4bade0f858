package io.tributary.daemon.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * Where the daemon serves HTTP, checked before anything starts, so a port in use or out of range is one sentence
 * and exit 2 rather than a failure halfway through starting.
 */
record HttpEndpoint(String address, int port) {
    /**
     * The endpoint of {@code --http-address} and {@code --http-port}, once the address is one of this machine's and
     * the port free there.
     *
     * @throws IllegalArgumentException saying what is wrong, in one sentence
     */
    static HttpEndpoint check(String address, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--http-port must be from 0 to 65535 (0 picks a free port), got "
                    + port + ".");
        }
        InetAddress host;
        try {
            host = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--http-address '" + address + "' is not an address or a known host "
                    + "name.");
        }
        HttpEndpoint endpoint = new HttpEndpoint(host.getHostAddress(), port);
        try (ServerSocket probe = new ServerSocket()) { // port 0 too: the address may not be this machine's
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw endpoint.unavailable(e);
        }
        return endpoint;
    }

    /** Why serving here failed, in one sentence: most often another process listens on the port. */
    IllegalArgumentException unavailable(Exception cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause(); // Jetty wraps the BindException that says why
        }
        String reason = root.getMessage() == null ? "" : root.getMessage().toLowerCase(java.util.Locale.ROOT);
        String why = reason.contains("in use")
                ? "the port is in use by another process; stop it or choose another --http-port (0 picks a free one)"
                : reason.contains("assign") || reason.contains("cannot")
                        ? "it is not an address of this machine; choose one with --http-address"
                        : root.getMessage();
        return new IllegalArgumentException("Cannot serve HTTP on " + display() + ": " + why + ".", cause);
    }

    /** {@code 127.0.0.1:8080}, {@code [::1]:8080}. */
    String display() {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
}
