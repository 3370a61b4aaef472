package dev.lookout.capture;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.cli.CliRun;
import dev.lookout.testsupport.TestData;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password in a source URL never reaches any output of {@code detect}: stderr, stdout, the JSON lines, the
 * recording (MP4 metadata included), clips, the event log, snapshots and their sidecars, annotated copies.
 */
@IntegrationTest
class SecretsNeverLeakTest {

    private static final String SECRET = "Pa55-word-7731";

    @TempDir
    Path dir;

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aStreamThatFailsIsNamedWithoutItsPassword() throws Exception {
        String model = TestData.modelDir().toString();
        int port = closedPort();
        for (String url : List.of("rtsp://admin:" + SECRET + "@127.0.0.1:" + port + "/x",
                "http://admin:" + SECRET + "@127.0.0.1:" + port + "/video.mjpg",
                "rtsp://127.0.0.1:" + port + "/x?user=admin&password=" + SECRET)) {
            CliRun run = CliRun.of("detect", "--model", model, "--reconnect", "0", url);
            assertEquals(1, run.exitCode(), run.toString());
            assertTrue(run.err().contains("127.0.0.1:" + port), "the stream is still named: " + run.err());
            assertFalse(run.err().contains(SECRET) || run.out().contains(SECRET), "leaked: " + run);
        }
    }

    @Test
    void noOutputFileOfAStreamRunHoldsThePassword() throws Exception {
        List<byte[]> jpegs = MjpegHttpServer.jpegFrames(TestData.vtestAvi(), 40);
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        try (MjpegHttpServer server = MjpegHttpServer.start(jpegs, 0, 25)) {
            String url = server.url("admin:" + SECRET + "@");
            CliRun.Running run = CliRun.start("detect", "--model", TestData.modelDir().toString(),
                    "--reconnect", "0", "--output", out.resolve("lines.jsonl").toString(),
                    "--record", out.resolve("annotated.mp4").toString(), "--watch", "person", "--confirm", "1",
                    "--post-roll", "0.2", "--record-dir", out.resolve("clips").toString(), "--events",
                    out.resolve("events.jsonl").toString(), "--snapshot", out.resolve("shots").toString(),
                    "--annotate", out.resolve("annotated").toString(), url);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (server.framesSent() < 60 && System.nanoTime() < deadline) {
                Thread.sleep(50); // polls the server's own count of frames sent
            }
            server.stop();
            CliRun r = run.finish(Duration.ofSeconds(60), "detect ends when the stream is gone");
            assertFalse(r.err().contains(SECRET) || r.out().contains(SECRET), "leaked on a stream: " + r);
            List<Path> files = new ArrayList<>();
            try (Stream<Path> all = Files.walk(out)) {
                all.filter(Files::isRegularFile).forEach(files::add);
            }
            assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".mp4")), "a recording was written: "
                    + files + "\n" + r);
            assertTrue(files.stream().anyMatch(f -> f.toString().endsWith(".json")), "a snapshot sidecar: " + files);
            assertTrue(Files.size(out.resolve("lines.jsonl")) > 0, "JSON lines were written");
            byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
            for (Path file : files) {
                assertFalse(contains(Files.readAllBytes(file), secret), "the password is in " + file);
            }
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
