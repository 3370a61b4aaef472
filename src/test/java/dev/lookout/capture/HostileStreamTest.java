package dev.lookout.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.cli.CliRun;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.TestData;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cameras that attack their client ({@link HostileHttpServer}): every size and wait a stream declares is bounded,
 * and the user gets one clear line naming the stream (password masked) instead of a hang or a process that grows
 * by gigabytes.
 */
@IntegrationTest
class HostileStreamTest {

    // what a client without limits reads before the server itself stops: well above the bound asserted
    private static final long SERVER_CAP = 400L << 20;
    private static final long READ_BOUND = 200L << 20;
    private static List<byte[]> jpegs;

    @BeforeAll
    static void frames() throws IOException {
        OpenCv.load();
        jpegs = MjpegHttpServer.jpegFrames(TestData.vtestAvi(), 5);
    }

    private static String partMessage(HostileHttpServer server) {
        return "http://***@127.0.0.1:" + server.port() + "/video.mjpg sent a frame part larger than 32 MB; the "
                + "camera sends malformed data";
    }

    @Test
    void aFramePartWithoutEndEndsTheStreamAfterABoundedRead() throws Exception {
        try (HostileHttpServer server = HostileHttpServer.start(HostileHttpServer.Behaviour.ENDLESS_PART, jpegs,
                SERVER_CAP)) {
            IOException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try (FfmpegFrameSource source = FfmpegFrameSource.openUrl(server.url("cam:s3cret@"),
                        Duration.ofSeconds(10))) {
                    int frames = 0;
                    try {
                        while (true) {
                            Frame frame = source.read();
                            if (frame == null) {
                                throw new AssertionError("the stream ended quietly after " + frames + " frames");
                            }
                            frame.close();
                            frames++;
                        }
                    } catch (IOException expected) {
                        assertEquals(jpegs.size(), frames, "every good frame before the bad part");
                        return expected;
                    }
                }
            });
            assertEquals(partMessage(server), e.getMessage());
            assertTrue(server.bytesSent() < READ_BOUND, "bytes read before giving up: " + server.bytesSent());
        }
    }

    @Test
    void detectNamesTheStreamAndExits1OnAFramePartWithoutEnd() throws Exception {
        try (HostileHttpServer server = HostileHttpServer.start(HostileHttpServer.Behaviour.ENDLESS_PART, jpegs,
                SERVER_CAP)) {
            CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> CliRun.of("detect", "--model",
                    TestData.modelDir().toString(), "--reconnect", "0", server.url("cam:s3cret@")));
            assertEquals(1, run.exitCode(), run.toString());
            assertTrue(run.err().contains(partMessage(server)), run.err());
            assertFalse(run.err().contains("s3cret") || run.err().contains("\tat "), run.err());
            assertTrue(server.bytesSent() < READ_BOUND, "bytes read before giving up: " + server.bytesSent());
        }
    }

    @Test
    void aReconnectingSourceTreatsAFramePartWithoutEndAsALostConnection() throws Exception {
        List<SourceState> states = new CopyOnWriteArrayList<>();
        try (HostileHttpServer server = HostileHttpServer.start(HostileHttpServer.Behaviour.ENDLESS_PART, jpegs,
                SERVER_CAP)) {
            SourceOptions options = SourceOptions.defaults().withNetworkTimeout(Duration.ofSeconds(10))
                    .withReconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(100), 1)
                    .withStateListener(states::add);
            assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
                try (FrameSource source = FrameSources.open(server.url("cam:s3cret@"), options)) {
                    // two connections' frames: the bad part ends the first, the source reconnects by itself
                    for (int i = 0; i < 2 * jpegs.size(); i++) {
                        source.read().close();
                    }
                }
            });
            assertTrue(server.connections() >= 2, "reconnected: " + states);
            SourceState lost = states.stream().filter(s -> s.kind() == SourceState.Kind.RECONNECTING)
                    .findFirst().orElseThrow(() -> new AssertionError("no reconnection: " + states));
            assertTrue(lost.describe().contains("frame part larger than 32 MB"), lost.describe());
            assertFalse(lost.describe().contains("s3cret"), lost.describe());
            assertTrue(server.bytesSent() < 2 * READ_BOUND, "bytes read: " + server.bytesSent());
        }
    }

    @Test
    void anEndlessHeaderLineEndsTheOpenWithinTheNetworkTimeout() throws Exception {
        try (HostileHttpServer server = HostileHttpServer.start(HostileHttpServer.Behaviour.ENDLESS_HEADER, jpegs,
                SERVER_CAP)) {
            long started = System.nanoTime();
            IOException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(IOException.class,
                    () -> FfmpegFrameSource.openUrl(server.url("cam:s3cret@"), Duration.ofSeconds(2))));
            double seconds = (System.nanoTime() - started) / 1e9;
            assertTrue(seconds < 3.5, "gave up after " + seconds + " s, the timeout is 2 s");
            assertEquals("cannot open stream http://***@127.0.0.1:" + server.port() + "/video.mjpg: no video within "
                    + "the 2.0 s network timeout; the server answers but sends no usable stream", e.getMessage());
        }
    }

    @Test
    void detectGivesUpOnAnEndlessHeaderLineWithinItsTenSecondTimeout() throws Exception {
        try (HostileHttpServer server = HostileHttpServer.start(HostileHttpServer.Behaviour.ENDLESS_HEADER, jpegs,
                SERVER_CAP)) {
            long started = System.nanoTime();
            CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> CliRun.of("detect", "--model",
                    TestData.modelDir().toString(), server.url("cam:s3cret@")));
            double seconds = (System.nanoTime() - started) / 1e9;
            assertEquals(1, run.exitCode(), run.toString());
            assertTrue(seconds < 16, "gave up after " + seconds + " s, the timeout is 10 s: " + run);
            assertTrue(run.err().contains("cannot open stream http://***@127.0.0.1:" + server.port()
                    + "/video.mjpg: no video within the 10.0 s network timeout"), run.err());
            assertFalse(run.err().contains("s3cret"), run.err());
        }
    }
}
