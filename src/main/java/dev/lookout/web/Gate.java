package dev.lookout.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The listening socket of the web server, in front of the JDK's own server (which listens on a loopback port of
 * its own): it caps the open connections, and each connection's {@link Relay} keeps the header and idle timeouts
 * and refuses malformed requests with JSON. The JDK's server has none of this per server: its
 * {@code sun.net.httpserver.*} limits are read once per JVM, {@code maxRspTime} would cut every live stream, and
 * it answers malformed requests itself with HTML.
 */
final class Gate implements AutoCloseable {

    private final ServerSocket socket;
    private final InetSocketAddress server;
    private final WebLimits limits;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "web-connection");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    /** Serves {@code socket} (bound) by relaying to the JDK's server at {@code server}. */
    Gate(ServerSocket socket, InetSocketAddress server, WebLimits limits) {
        this.socket = socket;
        this.server = server;
        this.limits = limits;
        Thread accept = new Thread(this::accept, "web-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue; // one failed accept (the client reset first): the next one may well succeed
            }
            if (open.size() >= limits.maxConnections()) {
                // answered on this thread, which only waits briefly for what the client has already sent
                WireReply.sendAndClose(client, new HttpProblem(503, "too many connections to this Lookout ("
                        + limits.maxConnections() + "): close some of its pages or streams and try again"), 10);
                continue;
            }
            open.add(client);
            try {
                threads.execute(() -> {
                    try {
                        new Relay(client, server, limits, threads).run();
                    } finally {
                        open.remove(client);
                    }
                });
            } catch (RuntimeException stopping) {
                open.remove(client);
                Relay.close(client);
            }
        }
    }

    /** Stops accepting and closes every connection (their relays then close their side to the JDK's server). */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(Relay::close);
        threads.shutdownNow();
    }
}
