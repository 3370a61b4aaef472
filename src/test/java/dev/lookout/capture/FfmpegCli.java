package dev.lookout.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookout.testsupport.TestData;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's {@code ffmpeg} command line, an independent encoder and decoder for the tests; and free ports. */
final class FfmpegCli {

    private FfmpegCli() {
    }

    /** The {@code ffmpeg} binary on the PATH; skips the test (fails it in CI) when it is not installed. */
    static Path require() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "ffmpeg");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return TestData.require(Path.of("/usr/bin/ffmpeg"), "Debian's ffmpeg command (apt-get install -y ffmpeg)");
    }

    /** Runs {@code ffmpeg -hide_banner -loglevel error -y ARGS...} and asserts it succeeded within 120 s. */
    static void run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(require().toString(), "-hide_banner", "-loglevel", "error",
                "-nostdin", "-y"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                throw new IOException("ffmpeg did not finish in 120 s: " + command);
            }
            String output = new String(process.getInputStream().readAllBytes());
            assertEquals(0, process.exitValue(), () -> "ffmpeg failed: " + command + "\n" + output);
        } finally {
            process.destroyForcibly();
        }
    }

    /** Decodes one frame of {@code video} to packed BGR bytes with the ffmpeg CLI. */
    static byte[] decodeFrameBgr(Path video, int frameIndex, Path scratch) throws IOException, InterruptedException {
        Path raw = scratch.resolve("frame" + frameIndex + ".bgr");
        run("-i", video.toString(), "-vf", "select=eq(n\\," + frameIndex + ")", "-frames:v", "1",
                "-f", "rawvideo", "-pix_fmt", "bgr24", raw.toString());
        return Files.readAllBytes(raw);
    }

    /** A TCP port on 127.0.0.1 that is free right now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
