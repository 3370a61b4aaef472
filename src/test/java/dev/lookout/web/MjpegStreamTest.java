package dev.lookout.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.config.HttpConfig;
import dev.lookout.monitor.CameraStatus;
import dev.lookout.store.StorageLayout;
import dev.lookout.store.StoreReader;
import dev.lookout.testsupport.Await;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live MJPEG stream: real JPEG parts, bounded per-client queues, slow clients, the stream limit, shutdown. */
class MjpegStreamTest {

    @TempDir
    Path temp;

    @Test
    void aClientBehindKeepsOnlyTheNewestFramesAndNeverBlocksTheCamera() {
        MjpegStream stream = new MjpegStream();
        for (int i = 0; i < 1000; i++) {
            stream.offer(new byte[] {(byte) i});
        }
        assertEquals(998, stream.dropped());
    }

    @Test
    void streamsAnnotatedFramesAsMultipartJpeg() throws Exception {
        FakeMonitor.FakeFeed front = WebFixtures.camera("front", CameraStatus.State.LIVE);
        byte[] first = WebFixtures.jpeg("first", 320, 240, Color.GRAY);
        front.push(first);
        try (WebServer server = start(front)) {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/cameras/front/stream.mjpg")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            assertEquals("multipart/x-mixed-replace; boundary=" + MjpegStream.BOUNDARY,
                    response.headers().firstValue("Content-Type").orElse(""));
            try (DataInputStream in = new DataInputStream(response.body())) {
                assertArrayEquals(first, part(in), "the latest frame comes first");
                Await.until(() -> front.listeners() == 1, "the stream listens to the camera");
                List<byte[]> pushed = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    pushed.add(WebFixtures.jpeg("frame " + i, 320, 240, Color.BLUE));
                }
                pushed.forEach(front::push);
                byte[] last = pushed.get(2);
                byte[] seen;
                do {
                    seen = part(in);
                    assertTrue(seen.length > 0 && (seen[0] & 0xff) == 0xFF && (seen[1] & 0xff) == 0xD8, "a JPEG");
                } while (!java.util.Arrays.equals(seen, last));
            }
            Await.until(() -> front.listeners() == 0, "the stream unregisters once the client leaves");
            HttpResponse<byte[]> head = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + server.port() + "/api/cameras/front/stream.mjpg"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, head.statusCode());
            assertEquals(0, head.body().length, "HEAD ends at once, without frames");
        }
    }

    @Test
    void aClientThatStopsReadingNeverHoldsUpTheCameraAndTheServerEndsItsStream() throws Exception {
        FakeMonitor.FakeFeed front = WebFixtures.camera("front", CameraStatus.State.LIVE);
        byte[] big = WebFixtures.jpeg("big", 1920, 1080, Color.ORANGE);
        WebServer server = start(front);
        try (Socket stalled = open(server.port())) {
            Await.until(() -> front.listeners() == 1, "the stalled client's stream listens");
            // far more than any socket buffer: if the camera's thread wrote to the socket, this would hang
            int frames = (int) (200_000_000L / big.length) + 1;
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                for (int i = 0; i < frames; i++) {
                    front.push(big);
                }
            }, "pushing frames to a client that does not read must not block the camera");
            server.close();
            Await.until(() -> front.listeners() == 0, "closing the server ends the stream");
        } finally {
            server.close();
        }
    }

    @Test
    void streamsBeyondTheLimitGetA503() throws Exception {
        FakeMonitor.FakeFeed front = WebFixtures.camera("front", CameraStatus.State.LIVE);
        front.push(WebFixtures.jpeg("x", 64, 48, Color.RED));
        List<Socket> clients = new ArrayList<>();
        try (WebServer server = start(front)) {
            for (int i = 0; i < CameraApi.MAX_STREAMS; i++) {
                clients.add(open(server.port()));
            }
            Await.until(() -> front.listeners() == CameraApi.MAX_STREAMS, "every stream listens");
            String refused = RawHttp.get(server.port(), "/api/cameras/front/stream.mjpg", null);
            assertTrue(refused.startsWith("HTTP/1.1 503"), refused);
            assertTrue(refused.contains("too many live streams"), refused);
            assertTrue(RawHttp.get(server.port(), "/api/cameras", null).startsWith("HTTP/1.1 200"),
                    "the API still answers while the streams run");
        } finally {
            for (Socket s : clients) {
                s.close();
            }
        }
    }

    private WebServer start(FakeMonitor.FakeFeed feed) throws Exception {
        return WebServer.start(new FakeMonitor("n", feed), new StoreReader(new StorageLayout(temp)),
                new HttpConfig("127.0.0.1", WebFixtures.freePort(), Optional.empty()));
    }

    /** A stream request whose response is never read. */
    private static Socket open(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setReceiveBufferSize(4096);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/cameras/front/stream.mjpg HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Reads one multipart part (boundary, headers, body) and returns its body. */
    private static byte[] part(DataInputStream in) throws IOException {
        String line;
        int length = -1;
        do {
            line = line(in);
        } while (line.isEmpty());
        assertEquals("--" + MjpegStream.BOUNDARY, line);
        while (!(line = line(in)).isEmpty()) {
            if (line.startsWith("Content-Length: ")) {
                length = Integer.parseInt(line.substring(16));
            }
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return body;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("the stream ended");
            }
            if (c != '\r') {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
