package dev.lookout.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.config.HttpConfig;
import dev.lookout.monitor.CameraStatus;
import dev.lookout.store.StorageLayout;
import dev.lookout.store.StoreReader;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that hold a connection without finishing a request (each would hold a server thread): closed after the
 * header or idle timeout, and no more than the connection cap at once. Short limits; the assertions only say
 * "closed well before a generous bound", never how soon.
 */
class WebSlowClientTest {

    private static final WebLimits SHORT = new WebLimits(Duration.ofSeconds(1), Duration.ofSeconds(2), 4, 64 * 1024,
            100);
    /** Far beyond the limits above, far below the 46 s that a trickler lasted without them. */
    private static final long BOUND_NANOS = Duration.ofSeconds(15).toNanos();

    @TempDir
    Path temp;

    private WebServer start(WebLimits limits) throws Exception {
        FakeMonitor.FakeFeed front = WebFixtures.camera("front", CameraStatus.State.LIVE);
        front.push(WebFixtures.jpeg("x", 64, 48, Color.RED));
        return WebServer.start(new FakeMonitor("n", front), new StoreReader(new StorageLayout(temp)),
                new HttpConfig("127.0.0.1", WebFixtures.freePort(), Optional.empty()), limits);
    }

    @Test
    void aClientTricklingItsHeadersIsAnswered408AndClosedAfterTheHeaderTimeout() throws Exception {
        try (WebServer server = start(SHORT); Socket socket = connect(server.port())) {
            byte[] request = "GET /api/cameras HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(200);
            long begun = System.nanoTime();
            StringBuilder answer = new StringBuilder();
            int i = 0;
            while (System.nanoTime() - begun < BOUND_NANOS) {
                try {
                    out.write(i < request.length ? request[i] : 'a');
                    out.flush();
                    i++;
                } catch (IOException closedByServer) {
                    break;
                }
                try {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    answer.append((char) b);
                } catch (SocketTimeoutException stillOpen) {
                    // trickle on
                } catch (IOException reset) {
                    break;
                }
            }
            answer.append(drain(in));
            assertTrue(System.nanoTime() - begun < BOUND_NANOS, "still open after 15 s: " + answer);
            assertTrue(answer.toString().startsWith("HTTP/1.1 408"), answer.toString());
            assertTrue(answer.toString().contains("{\"error\":\"the request headers took longer than 1 s"), answer.toString());
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (WebServer server = start(SHORT); Socket socket = connect(server.port())) {
            socket.getOutputStream().write("GET /api/node HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout((int) Duration.ofNanos(BOUND_NANOS).toMillis());
            long begun = System.nanoTime();
            String all = drain(socket.getInputStream());
            assertTrue(all.startsWith("HTTP/1.1 200") && all.contains("\"node\":\"n\""), all);
            assertTrue(System.nanoTime() - begun < BOUND_NANOS, "the idle connection was not closed: " + all);
        }
    }

    @Test
    void connectionsBeyondTheCapAreRefusedAndTheServerAnswersOnceOneCloses() throws Exception {
        WebLimits longIdle = new WebLimits(Duration.ofSeconds(20), Duration.ofSeconds(20), 4, 64 * 1024, 100);
        List<Socket> idle = new ArrayList<>();
        try (WebServer server = start(longIdle)) {
            int port = server.port();
            for (int i = 0; i < 4; i++) {
                idle.add(connect(port));
            }
            // the fourth is held once the server answers a request on it: by then all four are counted
            Socket last = idle.get(3);
            last.getOutputStream().write("GET /api/node HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            last.setSoTimeout(10_000);
            assertEquals('H', last.getInputStream().read());
            for (int extra = 0; extra < 2; extra++) {
                String refused;
                try (Socket beyond = connect(port)) {
                    beyond.setSoTimeout(10_000);
                    try {
                        beyond.getOutputStream().write("GET /api/cameras HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException closedAlready) {
                        // refused before the request was written: what it sent before closing is still read below
                    }
                    refused = drain(beyond.getInputStream());
                }
                assertTrue(refused.isEmpty() || refused.startsWith("HTTP/1.1 503")
                        && refused.contains("too many connections to this Lookout (4)"), refused);
                assertTrue(!refused.contains("\"name\":\"front\""), refused);
            }
            idle.remove(0).close();
            long begun = System.nanoTime();
            String fine = "";
            while (!fine.startsWith("HTTP/1.1 200") && System.nanoTime() - begun < BOUND_NANOS) {
                try {
                    fine = RawHttp.get(port, "/api/cameras", null); // the server may not have seen the close yet
                } catch (IOException refusedStill) {
                    fine = refusedStill.toString();
                }
            }
            assertTrue(fine.startsWith("HTTP/1.1 200") && fine.contains("\"name\":\"front\""), fine);
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    private static Socket connect(int port) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), port);
    }

    /** What is left to read until the server closes (or resets, or 15 s pass). */
    private static String drain(InputStream in) {
        StringBuilder text = new StringBuilder();
        byte[] chunk = new byte[8192];
        try {
            for (int n; (n = in.read(chunk)) >= 0; ) {
                text.append(new String(chunk, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (IOException resetOrTimeout) {
            // what arrived is the answer
        }
        return text.toString();
    }
}
