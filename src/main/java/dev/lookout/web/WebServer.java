package dev.lookout.web;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import dev.lookout.Failures;
import dev.lookout.config.HttpConfig;
import dev.lookout.config.Secret;
import dev.lookout.monitor.MonitorView;
import dev.lookout.store.StoreReader;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The web page and HTTP API of a running monitor, on the JDK's own HTTP server. Start it with
 * {@link #start(MonitorView, StoreReader, HttpConfig)} and {@link #close()} it when the monitor stops.
 *
 * <p>Security: it listens on {@link HttpConfig#host()} (127.0.0.1 by default). Any other address needs a password
 * in the configuration, else it refuses to start; with a password, every request must present it (HTTP Basic with
 * any user name, or {@code Authorization: Bearer}) or gets 401. The password never reaches a log or a page. On the
 * loopback, a request must also name this machine in {@code Host} ({@link HostCheck}, against DNS rebinding).
 *
 * <p>Hostile clients: the address is served by a {@link Gate} that relays to the JDK's server on a loopback port of
 * its own. It keeps {@link WebLimits}: at most 64 connections, 10 s for a request's headers, 30 s without a byte
 * either way, 64 KB of headers; and it answers malformed requests with JSON before the JDK's server (which would
 * answer them with HTML) sees them.
 *
 * <p>Threads: each connection holds two daemon threads of the gate, each request in progress one of the JDK
 * server's cached pool; each live MJPEG client holds one while it watches (at most {@link CameraApi#MAX_STREAMS}),
 * and the camera's thread only hands frames to that client's bounded queue.
 */
public final class WebServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WebServer.class.getName());

    private final Gate gate;
    private final HttpServer server;
    private final ExecutorService pool;
    private final AtomicBoolean closed;

    private WebServer(Gate gate, HttpServer server, ExecutorService pool, AtomicBoolean closed) {
        this.gate = gate;
        this.server = server;
        this.pool = pool;
        this.closed = closed;
    }

    /**
     * Starts serving {@code monitor}'s cameras and {@code store}'s events as {@code http} says.
     *
     * @throws WebServerException when the address is not loopback and no password is set, or the address cannot
     *     be listened on (in use, not this machine's); the message says which and what to do
     */
    public static WebServer start(MonitorView monitor, StoreReader store, HttpConfig http) throws WebServerException {
        return start(monitor, store, http, WebLimits.DEFAULTS);
    }

    /** As {@link #start(MonitorView, StoreReader, HttpConfig)}, with other limits (short ones, in tests). */
    static WebServer start(MonitorView monitor, StoreReader store, HttpConfig http, WebLimits limits)
            throws WebServerException {
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(store, "store");
        boolean hasPassword = http.hasPassword();
        if (!http.loopback() && !hasPassword) {
            throw new WebServerException("refusing to serve the web page on " + http.bind() + " without a password: "
                    + "anyone who can reach it would see the cameras. Set http: password: in lookout.yml, "
                    + "or bind to 127.0.0.1", null);
        }
        ServerSocket listening = null;
        HttpServer server;
        try {
            listening = new ServerSocket();
            listening.bind(new InetSocketAddress(http.host(), http.port()), 50);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (BindException e) {
            close(listening);
            throw new WebServerException("cannot listen on " + http.bind() + ": " + e.getMessage()
                    + " (another program on that port, or not an address of this machine?)", e);
        } catch (IOException | IllegalArgumentException e) {
            close(listening);
            throw new WebServerException("cannot listen on " + http.bind() + ": " + Failures.describe(e), e);
        }
        AtomicBoolean closed = new AtomicBoolean();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "web");
            t.setDaemon(true);
            return t;
        });
        HttpContext context = server.createContext("/",
                new Routes(new CameraApi(monitor, closed::get), new EventApi(store)));
        if (http.loopback()) {
            context.getFilters().add(new HostCheck(http));
        }
        if (hasPassword) {
            context.getFilters().add(new Credentials(http.password().map(Secret::reveal).orElseThrow()));
        }
        server.setExecutor(pool);
        server.start();
        Gate gate = new Gate(listening, server.getAddress(), limits);
        LOG.log(System.Logger.Level.INFO, "web: serving the page on http://{0}/{1}", http.bind(),
                hasPassword ? " (password required)" : "");
        return new WebServer(gate, server, pool, closed);
    }

    /** The port listened on. */
    public int port() {
        return gate.port();
    }

    private static void close(ServerSocket socket) {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // it was not listening yet
        }
    }

    /** Stops listening, ends the live streams, and waits briefly for requests in progress. Idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        gate.close();
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
