package dev.lookout.capture;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.TestData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;

/** RTSP against a real RTSP/RTP server on loopback: TCP transport, decoding, a dying server and reconnection. */
@IntegrationTest
class RtspSourceTest {

    @TempDir
    static Path scratch;

    @BeforeAll
    static void natives() {
        OpenCv.load();
    }

    @Test
    void readsRtspOverTcp() throws Exception {
        try (RtspTestServer server = RtspTestServer.start(TestData.vtestAvi(), 50, 25, scratch)) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try (FfmpegFrameSource source = FfmpegFrameSource.openUrl(server.url("admin:ipcam99@"),
                        Duration.ofSeconds(3))) {
                    assertTrue(source.isLive());
                    assertEquals("rtsp://***@127.0.0.1:" + server.port() + "/live", source.description());
                    assertEquals("mpeg4", source.codecName());
                    assertFalse(source.toString().contains("ipcam99"));
                    for (int i = 0; i < 40; i++) {
                        try (Frame frame = source.read()) {
                            assertNotNull(frame, "frame " + i);
                            assertEquals(768, frame.width());
                            assertEquals(576, frame.height());
                            double mean = Core.mean(frame.image()).val[1];
                            assertTrue(mean > 40 && mean < 220, "plausible pixels, mean " + mean);
                        }
                    }
                }
            });
            assertEquals(1, server.transportsRequested().size(), "TCP accepted at once");
            assertTrue(server.transportsRequested().get(0).startsWith("RTP/AVP/TCP"),
                    server.transportsRequested().toString());
        }
    }

    @Test
    void reconnectsWhenTheServerIsKilledAndRestarted() throws Exception {
        List<SourceState> states = new CopyOnWriteArrayList<>();
        SourceOptions options = SourceOptions.defaults()
                .withNetworkTimeout(Duration.ofSeconds(2))
                .withReconnectBackoff(Duration.ofMillis(250), Duration.ofSeconds(2), 0)
                .withStateListener(states::add);
        try (RtspTestServer server = RtspTestServer.start(TestData.vtestAvi(), 50, 25, scratch)) {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try (FrameSource source = FrameSources.open(server.url("admin:ipcam99@"), options)) {
                    long lastIndex = -1;
                    for (int i = 0; i < 15; i++) {
                        try (Frame frame = source.read()) {
                            lastIndex = frame.index();
                        }
                    }
                    server.stop();
                    Thread revive = new Thread(() -> {
                        try {
                            StreamSourceTest.awaitAttempts(states, 2);
                            server.restart();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    revive.start();
                    int resumed = 0;
                    while (resumed < 15) {
                        try (Frame frame = source.read()) {
                            assertNotNull(frame);
                            assertTrue(frame.index() > lastIndex);
                            lastIndex = frame.index();
                            if (((ReconnectingFrameSource) source).reconnections() > 0) {
                                resumed++;
                            }
                        }
                    }
                    revive.join();
                }
            });
        }
        System.out.println("RTSP connection states: " + states.stream().map(SourceState::describe).toList());
        assertTrue(states.stream().anyMatch(s -> s.kind() == SourceState.Kind.RECONNECTING), states.toString());
        assertEquals(SourceState.Kind.LIVE, states.get(states.size() - 1).kind());
        assertTrue(states.stream().noneMatch(s -> s.describe().contains("ipcam99")));
    }

    @Test
    void aHungServerEndsTheStreamWithinTheTimeout() throws Exception {
        try (RtspTestServer server = RtspTestServer.start(TestData.vtestAvi(), 50, 25, scratch)) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try (FfmpegFrameSource source = FfmpegFrameSource.openUrl(server.url(""), Duration.ofSeconds(2))) {
                    for (int i = 0; i < 5; i++) {
                        source.read().close();
                    }
                    server.freeze();
                    long frozenAt = System.nanoTime();
                    int stale = 0;
                    Frame frame;
                    try {
                        while ((frame = source.read()) != null) {
                            frame.close();
                            stale++;
                        }
                    } catch (java.io.IOException failed) {
                        System.out.println("hung RTSP server: read failed: " + failed.getMessage());
                    }
                    double seconds = (System.nanoTime() - frozenAt) / 1e9;
                    System.out.printf("hung RTSP server: stream ended %.1f s after the freeze (%d buffered frames)%n",
                            seconds, stale);
                    assertTrue(seconds < 8, "ended after " + seconds + " s");
                }
            });
        }
    }

    @Test
    void closeDuringAHungReadReturnsAtOnceAndTheReaderEnds() throws Exception {
        try (RtspTestServer server = RtspTestServer.start(TestData.vtestAvi(), 50, 25, scratch)) {
            java.util.concurrent.CountDownLatch stalled = new java.util.concurrent.CountDownLatch(1);
            ReconnectingFrameSource source = ReconnectingFrameSource.open(
                    () -> FfmpegFrameSource.openUrl(server.url(""), Duration.ofSeconds(4)),
                    SourceOptions.defaults().withReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0)
                            .withStallAfter(Duration.ofMillis(300)).withStateListener(state -> {
                                if (state.kind() == SourceState.Kind.STALLED) {
                                    stalled.countDown();
                                }
                            }));
            for (int i = 0; i < 5; i++) {
                source.read().close();
            }
            server.freeze();
            long[] readEndedAt = new long[1];
            Thread reader = new Thread(() -> {
                try {
                    for (Frame frame = source.read(); frame != null; frame = source.read()) {
                        frame.close();
                    }
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                readEndedAt[0] = System.nanoTime();
            });
            reader.start();
            // STALLED: the reader is now blocked in FFmpeg, waiting for packets that never come
            assertTrue(stalled.await(10, java.util.concurrent.TimeUnit.SECONDS), "the read stalls");
            long closeStart = System.nanoTime();
            source.close();
            double closeSeconds = (System.nanoTime() - closeStart) / 1e9;
            reader.join(10_000);
            assertFalse(reader.isAlive(), "the reader ends once its read times out");
            double readerSeconds = (readEndedAt[0] - closeStart) / 1e9;
            System.out.printf("close() took %.3f s; the blocked reader ended %.1f s later%n", closeSeconds,
                    readerSeconds);
            assertTrue(closeSeconds < 0.5, "close() blocked for " + closeSeconds + " s");
            assertTrue(readerSeconds < 6, "reader ended after " + readerSeconds + " s");
        }
    }
}
