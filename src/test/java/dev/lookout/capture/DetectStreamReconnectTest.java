package dev.lookout.capture;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.cli.CliRun;
import dev.lookout.testsupport.Await;
import dev.lookout.testsupport.TestData;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code detect} on a stream that drops: it reconnects, says so, and gives up with exit 1 when it stays gone. */
@IntegrationTest
class DetectStreamReconnectTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void reconnectsAfterADropAndGivesUpLoudly() throws Exception {
        List<byte[]> jpegs = MjpegHttpServer.jpegFrames(TestData.vtestAvi(), 20);
        MjpegHttpServer first = MjpegHttpServer.start(jpegs, 0, 25);
        int port = first.port();
        CliRun.Running run = CliRun.start("detect", "--model", TestData.modelDir().toString(), "--reconnect", "3",
                "--every", "2", first.url("cam:pw@"));
        CliRun done;
        try {
            Await.until(() -> first.framesSent() >= 30, "frames from the first server", LIMIT);
            first.stop();
            try (MjpegHttpServer second = MjpegHttpServer.start(jpegs, port, 25)) {
                Await.until(() -> second.framesSent() >= 30, "frames after reconnecting", LIMIT);
                long linesBefore = run.outSoFar().lines().count();
                Await.until(() -> run.outSoFar().lines().count() > linesBefore, "detections after reconnecting",
                        LIMIT);
            }
            done = run.finish(Duration.ofSeconds(90), "detect gives up after 3 attempts");
        } finally {
            first.close();
        }
        String stderr = done.err();
        assertEquals(1, done.exitCode(), stderr);
        assertTrue(stderr.contains("reconnecting to http://***@127.0.0.1:" + port), stderr);
        assertTrue(stderr.contains("connected to http://***@127.0.0.1:" + port), stderr);
        assertTrue(stderr.contains("gave up reconnecting to http://***@127.0.0.1:" + port), stderr);
        assertFalse(stderr.contains("pw@"), stderr);
        List<String> lines = done.out().lines().toList();
        assertTrue(lines.size() >= 20, "frames from both connections: " + lines.size());
    }
}
