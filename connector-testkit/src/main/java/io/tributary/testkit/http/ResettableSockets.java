package io.tributary.testkit.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;

/**
 * The one hand-written piece under the fakes: a TCP reset. MockWebServer can close a connection (a FIN, which a
 * client reads as an early end of stream) but never reset it; a reset ({@code SO_LINGER 0}, then close: an RST
 * before any byte of answer) is what a crashed PHP worker or a load balancer gives, and what clients see as
 * "connection reset". So the server sockets come from here: they remember each accepted socket under the index
 * MockWebServer gives its connection (it numbers them in accept order), and a fault resets the socket by that index.
 */
final class ResettableSockets extends ServerSocketFactory {
    private final Map<Integer, Socket> open = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new ServerSocket() {
            @Override
            public Socket accept() throws IOException {
                Socket socket = super.accept();
                // answers go out as headers then body: without this, Nagle holds the body back until the client's
                // delayed ACK (up to 40 ms on Linux) and a fast client measures the fake instead of itself
                socket.setTcpNoDelay(true);
                open.values().removeIf(Socket::isClosed);
                open.put(accepted.getAndIncrement(), socket);
                return socket;
            }
        };
    }

    @Override
    public ServerSocket createServerSocket(int port) {
        throw new UnsupportedOperationException("MockWebServer binds the socket itself");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) {
        throw new UnsupportedOperationException("MockWebServer binds the socket itself");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
        throw new UnsupportedOperationException("MockWebServer binds the socket itself");
    }

    int accepted() {
        return accepted.get();
    }

    /**
     * Writes {@code bytes} on the connection with this index and closes it: the peer gets something that is not
     * HTTP instead of an answer (a proxy speaking another protocol, a worker that crashed mid-write).
     */
    void garble(int connectionIndex, byte[] bytes) {
        Socket socket = open.remove(connectionIndex);
        if (socket == null) {
            return;
        }
        try (socket) {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException ignored) {
            // the peer went away first
        }
    }

    /** Resets the connection with this index: the peer gets an RST instead of an answer. */
    void reset(int connectionIndex) {
        Socket socket = open.remove(connectionIndex);
        if (socket == null) {
            return;
        }
        try (socket) {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // the peer went away first: nothing left to reset
        }
    }
}
