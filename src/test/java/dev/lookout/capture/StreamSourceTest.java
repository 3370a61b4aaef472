package dev.lookout.capture;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;

/** Network streams against a real MJPEG-over-HTTP server on loopback, including drops and reconnection. */
@IntegrationTest
class StreamSourceTest {

    private static List<byte[]> jpegs;

    @BeforeAll
    static void encodeFrames() throws IOException {
        OpenCv.load();
        jpegs = MjpegHttpServer.jpegFrames(TestData.vtestAvi(), 40);
    }

    @Test
    void readsMjpegOverHttpAsALiveSourceWithoutLeakingCredentials() throws Exception {
        try (MjpegHttpServer server = MjpegHttpServer.start(jpegs, 0, 25)) {
            String url = server.url("viewer:s3cret@");
            FrameSource source = assertTimeoutPreemptively(Duration.ofSeconds(15),
                    () -> FfmpegFrameSource.openUrl(url, Duration.ofSeconds(3)));
            try (source) {
                assertTrue(source.isLive());
                assertEquals("http://***@127.0.0.1:" + server.port() + "/video.mjpg", source.description());
                long previous = -1;
                for (int i = 0; i < 30; i++) {
                    try (Frame frame = assertTimeoutPreemptively(Duration.ofSeconds(5), source::read)) {
                        assertNotNull(frame, "frame " + i);
                        assertEquals(i, frame.index());
                        assertEquals(768, frame.width());
                        assertEquals(576, frame.height());
                        assertTrue(frame.timestampMicros() > previous, "live timestamps increase");
                        previous = frame.timestampMicros();
                        double mean = Core.mean(frame.image()).val[0];
                        assertTrue(mean > 40 && mean < 220, "plausible pixels, mean " + mean);
                    }
                }
                // 30 frames served at 25 fps: about 1.2 s of stream time since opening
                assertTrue(previous > 600_000 && previous < 5_000_000, "time since opening " + previous);
            }
        }
    }

    @Test
    void reconnectsAfterTheServerDiesAndComesBack() throws Exception {
        List<SourceState> states = new CopyOnWriteArrayList<>();
        ByteArrayOutputStream ffmpegLog = new ByteArrayOutputStream();
        Ffmpeg.setLogSink(new PrintStream(ffmpegLog, true));
        try (MjpegHttpServer server = MjpegHttpServer.start(jpegs, 0, 25)) {
            SourceOptions options = SourceOptions.defaults()
                    .withNetworkTimeout(Duration.ofSeconds(2))
                    .withReconnectBackoff(Duration.ofMillis(200), Duration.ofSeconds(1), 0)
                    .withStallAfter(Duration.ofSeconds(30))
                    .withStateListener(states::add);
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try (FrameSource source = FrameSources.open(server.url("cam:pa55@"), options)) {
                    assertTrue(source instanceof ReconnectingFrameSource);
                    long lastIndex = -1;
                    long lastTimestamp = -1;
                    for (int i = 0; i < 10; i++) {
                        try (Frame frame = source.read()) {
                            lastIndex = frame.index();
                            lastTimestamp = frame.timestampMicros();
                        }
                    }
                    server.stop();
                    // bring the camera back after a few failed attempts, from another thread
                    Thread revive = new Thread(() -> {
                        try {
                            awaitAttempts(states, 2);
                            server.restart();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    revive.start();
                    // read on: frames already buffered may come first, then the loss, the waits, the recovery
                    for (int i = 0; i < 20; i++) {
                        try (Frame frame = source.read()) {
                            assertNotNull(frame, "frames resume after reconnection");
                            assertTrue(frame.index() > lastIndex, "indices keep increasing");
                            assertTrue(frame.timestampMicros() > lastTimestamp, "timestamps keep increasing");
                            lastIndex = frame.index();
                            lastTimestamp = frame.timestampMicros();
                        }
                    }
                    revive.join();
                    assertEquals(1, ((ReconnectingFrameSource) source).reconnections());
                }
            });
        } finally {
            Ffmpeg.setLogSink(null);
        }
        assertEquals(SourceState.Kind.LIVE, states.get(0).kind());
        List<SourceState> reconnecting = states.stream()
                .filter(s -> s.kind() == SourceState.Kind.RECONNECTING).toList();
        assertTrue(reconnecting.size() >= 2, "several attempts while the server was down: " + states);
        for (int i = 0; i < reconnecting.size(); i++) {
            assertEquals(i + 1, reconnecting.get(i).attempt());
        }
        assertEquals(Duration.ofMillis(200), reconnecting.get(0).nextDelay());
        assertEquals(Duration.ofMillis(400), reconnecting.get(1).nextDelay());
        assertEquals(SourceState.Kind.LIVE, states.get(states.size() - 1).kind());
        for (SourceState state : states) {
            assertFalse(state.describe().contains("pa55"), state.describe());
            assertTrue(state.source().contains("***@127.0.0.1"), state.source());
        }
        assertFalse(ffmpegLog.toString().contains("pa55"), ffmpegLog.toString());
        System.out.println("connection states: " + states.stream().map(SourceState::describe).toList());
    }

    /** Waits (up to 30 s) until a reconnecting source has reported {@code attempts} reconnection attempts. */
    static void awaitAttempts(List<SourceState> states, int attempts) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (states.stream().filter(s -> s.kind() == SourceState.Kind.RECONNECTING).count() < attempts
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void aStreamWithoutFramesIsReportedStalledAndLiveAgainWhenFramesReturn() throws Exception {
        List<SourceState> states = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch stalled = new java.util.concurrent.CountDownLatch(1);
        try (MjpegHttpServer server = MjpegHttpServer.start(jpegs, 0, 25)) {
            SourceOptions options = SourceOptions.defaults()
                    .withNetworkTimeout(Duration.ofSeconds(10))
                    .withStallAfter(Duration.ofMillis(500))
                    .withStateListener(state -> {
                        states.add(state);
                        if (state.kind() == SourceState.Kind.STALLED) {
                            stalled.countDown();
                        }
                    });
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try (FrameSource source = FrameSources.open(server.url("cam:pa55@"), options)) {
                    for (int i = 0; i < 5; i++) {
                        source.read().close();
                    }
                    server.freeze();
                    Thread thaw = new Thread(() -> {
                        try {
                            if (stalled.await(8, java.util.concurrent.TimeUnit.SECONDS)) {
                                server.thaw();
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    thaw.start();
                    // frames buffered before the freeze come first, then the read waits until the thaw
                    for (int i = 0; i < 60 && stalled.getCount() > 0; i++) {
                        source.read().close();
                    }
                    source.read().close();
                    thaw.join();
                }
            });
        }
        List<SourceState.Kind> kinds = states.stream().map(SourceState::kind).toList();
        assertEquals(List.of(SourceState.Kind.LIVE, SourceState.Kind.STALLED, SourceState.Kind.LIVE), kinds,
                "stalled while frozen, live again after, no reconnection within the network timeout: " + states);
        SourceState stall = states.get(1);
        assertTrue(stall.message().startsWith("no frames from http://***@127.0.0.1"), stall.message());
        assertFalse(stall.message().contains("pa55"), stall.message());
    }

    @Test
    void closeFromAnotherThreadEndsAReconnectWaitWithinASecond() throws Exception {
        AtomicReference<ReconnectingFrameSource> opened = new AtomicReference<>();
        List<SourceState> states = new CopyOnWriteArrayList<>();
        try (MjpegHttpServer server = MjpegHttpServer.start(jpegs, 0, 25)) {
            ReconnectingFrameSource source = ReconnectingFrameSource.open(
                    () -> FfmpegFrameSource.openUrl(server.url(""), Duration.ofSeconds(2)),
                    SourceOptions.defaults().withReconnectBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30), 0)
                            .withStateListener(states::add));
            opened.set(source);
            source.read().close();
            server.stop();
            long[] closeCalledNanos = new long[1];
            Thread closer = new Thread(() -> {
                // close once the source is waiting out its 30 s backoff
                while (states.stream().noneMatch(s -> s.kind() == SourceState.Kind.RECONNECTING)) {
                    Thread.onSpinWait();
                }
                closeCalledNanos[0] = System.nanoTime();
                source.close();
            });
            closer.start();
            long[] closedAfterNanos = new long[1];
            assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
                Frame frame;
                while ((frame = source.read()) != null) {
                    frame.close();
                }
                closedAfterNanos[0] = System.nanoTime();
            });
            closer.join();
            assertNull(source.read(), "a closed source stays at its end");
            double seconds = (closedAfterNanos[0] - closeCalledNanos[0]) / 1e9;
            System.out.printf("read() returned %.3f s after close() during a 30 s backoff%n", seconds);
            // Far below the 30 s backoff it was sleeping in: close() wakes it (generous for a loaded machine).
            assertTrue(seconds >= 0 && seconds < 3.0, "read() ended " + seconds + " s after close()");
        } finally {
            if (opened.get() != null) {
                opened.get().close();
            }
        }
    }

    @Test
    void givesUpAfterTheAttemptBudgetWithFailed() throws Exception {
        List<SourceState> states = new CopyOnWriteArrayList<>();
        try (MjpegHttpServer server = MjpegHttpServer.start(jpegs, 0, 25)) {
            try (ReconnectingFrameSource source = ReconnectingFrameSource.open(
                    () -> FfmpegFrameSource.openUrl(server.url("u:topsecret@"), Duration.ofSeconds(2)),
                    SourceOptions.defaults().withReconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(300), 3)
                            .withStallAfter(Duration.ofSeconds(30)).withStateListener(states::add))) {
                source.read().close();
                server.stop();
                IOException failure = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                    while (true) {
                        try (Frame frame = source.read()) {
                            assertNotNull(frame);
                        } catch (IOException e) {
                            return e;
                        }
                    }
                });
                assertTrue(failure.getMessage().startsWith("gave up reconnecting to http://***@127.0.0.1"),
                        failure.getMessage());
                assertTrue(failure.getMessage().contains("Connection refused"), failure.getMessage());
                assertFalse(failure.getMessage().contains("topsecret"));
                assertTrue(assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                    try {
                        source.read();
                        return false;
                    } catch (IOException again) {
                        return true;
                    }
                }), "a failed source keeps failing");
            }
        }
        List<SourceState.Kind> statuses = states.stream().map(SourceState::kind).toList();
        assertEquals(List.of(SourceState.Kind.LIVE, SourceState.Kind.RECONNECTING,
                SourceState.Kind.RECONNECTING, SourceState.Kind.RECONNECTING,
                SourceState.Kind.OFFLINE), statuses);
        assertEquals(Duration.ofMillis(300), states.get(3).nextDelay(), "the backoff is capped");
    }

    @Test
    void aHungHttpCameraEndsTheStreamWithinTheTimeout() throws Exception {
        try (MjpegHttpServer server = MjpegHttpServer.start(jpegs, 0, 25)) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try (FfmpegFrameSource source = FfmpegFrameSource.openUrl(server.url(""), Duration.ofSeconds(2))) {
                    for (int i = 0; i < 5; i++) {
                        source.read().close();
                    }
                    server.freeze();
                    long frozenAt = System.nanoTime();
                    try {
                        for (Frame frame = source.read(); frame != null; frame = source.read()) {
                            frame.close();
                        }
                    } catch (IOException failed) {
                        System.out.println("hung HTTP camera: read failed: " + failed.getMessage());
                    }
                    double seconds = (System.nanoTime() - frozenAt) / 1e9;
                    System.out.printf("hung HTTP camera: stream ended %.1f s after the freeze%n", seconds);
                    assertTrue(seconds < 8, "ended after " + seconds + " s");
                }
            });
        }
    }

    @Test
    void readsHlsServedOverHttp() throws Exception {
        // an HLS playlist and MPEG-TS/H.264 segments made by Debian's ffmpeg, served by a plain file server
        Path hls = java.nio.file.Files.createTempDirectory("lookout-hls");
        try {
            FfmpegCli.run("-i", TestData.vtestAvi().toString(), "-frames:v", "50", "-c:v", "libx264",
                    "-preset", "ultrafast", "-g", "10", "-f", "hls", "-hls_time", "1", "-hls_list_size", "0",
                    hls.resolve("index.m3u8").toString());
            com.sun.net.httpserver.HttpServer files = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 10);
            files.createContext("/", exchange -> {
                Path file = hls.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
                if (!file.startsWith(hls) || !java.nio.file.Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    byte[] body = java.nio.file.Files.readAllBytes(file);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            files.start();
            try {
                String url = "http://127.0.0.1:" + files.getAddress().getPort() + "/index.m3u8?token=abc123";
                int count = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                    try (FfmpegFrameSource source = FfmpegFrameSource.openUrl(url, Duration.ofSeconds(3))) {
                        assertEquals("h264", source.codecName());
                        assertFalse(source.description().contains("abc123"), source.description());
                        int n = 0;
                        for (Frame frame = source.read(); frame != null; frame = source.read()) {
                            assertEquals(768, frame.width());
                            frame.close();
                            n++;
                        }
                        return n;
                    }
                });
                assertEquals(50, count, "a finished HLS playlist plays every frame and ends");
            } finally {
                files.stop(0);
            }
        } finally {
            try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(hls)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(p);
                }
            }
        }
    }
}
