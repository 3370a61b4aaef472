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
import java.net.InetSocketAddress;
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
 * <p>Threads: each request in progress runs on a daemon thread of a cached pool (meant for a few viewers, not for
 * the open internet); each live MJPEG client holds one while it watches (at most {@link CameraApi#MAX_STREAMS}),
 * and the camera's thread only hands frames to that client's bounded queue.
 */
public final class WebServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WebServer.class.getName());

    private final HttpServer server;
    private final ExecutorService pool;
    private final AtomicBoolean closed;

    private WebServer(HttpServer server, ExecutorService pool, AtomicBoolean closed) {
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
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(store, "store");
        boolean hasPassword = http.hasPassword();
        if (!http.loopback() && !hasPassword) {
            throw new WebServerException("refusing to serve the web page on " + http.bind() + " without a password: "
                    + "anyone who can reach it would see the cameras. Set http: password: in lookout.yml, "
                    + "or bind to 127.0.0.1", null);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(http.host(), http.port()), 32);
        } catch (BindException e) {
            throw new WebServerException("cannot listen on " + http.bind() + ": " + e.getMessage()
                    + " (another program on that port, or not an address of this machine?)", e);
        } catch (IOException | IllegalArgumentException e) {
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
        LOG.log(System.Logger.Level.INFO, "web: serving the page on http://{0}/{1}", http.bind(),
                hasPassword ? " (password required)" : "");
        return new WebServer(server, pool, closed);
    }

    /** The port listened on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening, ends the live streams, and waits briefly for requests in progress. Idempotent. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
