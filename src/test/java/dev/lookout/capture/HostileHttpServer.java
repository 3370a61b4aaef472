package dev.lookout.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A camera on 127.0.0.1 that attacks its client, one behaviour per server, on every connection until
 * {@link #close()} (which also caps each connection at {@code maxBytes}, so a client without limits is stopped
 * there rather than by running out of memory):
 * <ul>
 *   <li>{@link Behaviour#ENDLESS_PART}: an MJPEG stream of a few real frames, then a part that declares
 *       {@code Content-Length: 100000000000} and sends zeros;</li>
 *   <li>{@link Behaviour#ENDLESS_HEADER}: an HTTP response whose first header line never ends, one byte every
 *       5 ms (so that no single read ever waits long enough to time out).</li>
 * </ul>
 */
final class HostileHttpServer implements AutoCloseable {

    enum Behaviour { ENDLESS_PART, ENDLESS_HEADER }

    private static final String BOUNDARY = "lookoutframe";

    private final Behaviour behaviour;
    private final List<byte[]> jpegs;
    private final long maxBytes;
    private final ServerSocket listener;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean running = true;

    private HostileHttpServer(Behaviour behaviour, List<byte[]> jpegs, long maxBytes) throws IOException {
        this.behaviour = behaviour;
        this.jpegs = jpegs;
        this.maxBytes = maxBytes;
        listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "hostile-http-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** Starts serving {@code behaviour} on a free loopback port; {@code jpegs} are the good frames sent first. */
    static HostileHttpServer start(Behaviour behaviour, List<byte[]> jpegs, long maxBytes) throws IOException {
        return new HostileHttpServer(behaviour, jpegs, maxBytes);
    }

    /** The URL with the given user-info, e.g. {@code "user:pw@"}. */
    String url(String userInfo) {
        return "http://" + userInfo + "127.0.0.1:" + listener.getLocalPort() + "/video.mjpg";
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Bytes written to all clients so far: what the client accepted before it gave up. */
    long bytesSent() {
        return bytesSent.get();
    }

    long connections() {
        return connections.get();
    }

    private void accept() {
        while (running) {
            try {
                Socket client = listener.accept();
                clients.add(client);
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(client), "hostile-http-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client; OutputStream out = client.getOutputStream()) {
            client.getInputStream().read(new byte[4096]); // the request; its content does not matter
            long sent = 0;
            if (behaviour == Behaviour.ENDLESS_HEADER) {
                sent += write(out, "HTTP/1.1 200 OK\r\nX-Padding: ".getBytes(StandardCharsets.US_ASCII));
                byte[] one = {'a'};
                while (running && sent < maxBytes) {
                    sent += write(out, one);
                    TimeUnit.MILLISECONDS.sleep(5);
                }
                return;
            }
            sent += write(out, ("HTTP/1.0 200 OK\r\nContent-Type: multipart/x-mixed-replace;boundary=" + BOUNDARY
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (byte[] jpeg : jpegs) {
                sent += write(out, ("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: "
                        + jpeg.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                sent += write(out, jpeg);
                sent += write(out, "\r\n".getBytes(StandardCharsets.US_ASCII));
                TimeUnit.MILLISECONDS.sleep(40);
            }
            sent += write(out, ("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: 100000000000"
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] zeros = new byte[64 << 10];
            while (running && sent < maxBytes) {
                sent += write(out, zeros);
            }
        } catch (IOException | InterruptedException clientGone) {
            // the client gave up, as it should
        } finally {
            clients.remove(client);
        }
    }

    private long write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        bytesSent.addAndGet(bytes.length);
        return bytes.length;
    }

    @Override
    public void close() {
        running = false;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing is all that is wanted
        }
        for (Socket s : clients) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
