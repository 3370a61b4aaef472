package dev.lookout.capture;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.cli.Main;
import dev.lookout.testsupport.TestData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** {@code detect} on a stream that drops: it reconnects, says so, and gives up with exit 1 when it stays gone. */
@IntegrationTest
class DetectStreamReconnectTest {

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void reconnectsAfterADropAndGivesUpLoudly() throws Exception {
        List<byte[]> jpegs = MjpegHttpServer.jpegFrames(TestData.vtestAvi(), 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] code = {-1};
        MjpegHttpServer first = MjpegHttpServer.start(jpegs, 0, 25);
        int port = first.port();
        Thread run = new Thread(() -> {
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                code[0] = Main.run(new String[] {"detect", "--model", TestData.modelDir().toString(), "--reconnect",
                    "3", "--every", "2", first.url("cam:pw@")}, o, e);
            }
        });
        run.start();
        try {
            await(() -> first.framesSent() >= 30, "frames from the first server");
            first.stop();
            try (MjpegHttpServer second = MjpegHttpServer.start(jpegs, port, 25)) {
                await(() -> second.framesSent() >= 30, "frames after reconnecting");
                long linesBefore = out.toString(StandardCharsets.UTF_8).lines().count();
                await(() -> out.toString(StandardCharsets.UTF_8).lines().count() > linesBefore,
                        "detections after reconnecting");
            }
            run.join(TimeUnit.SECONDS.toMillis(90));
        } finally {
            first.close();
        }
        assertFalse(run.isAlive(), "detect gave up after 3 attempts");
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code[0], stderr);
        assertTrue(stderr.contains("reconnecting to http://***@127.0.0.1:" + port), stderr);
        assertTrue(stderr.contains("connected to http://***@127.0.0.1:" + port), stderr);
        assertTrue(stderr.contains("gave up reconnecting to http://***@127.0.0.1:" + port), stderr);
        assertFalse(stderr.contains("pw@"), stderr);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.size() >= 20, "frames from both connections: " + lines.size());
    }
}
