package dev.lookout.record;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code ffprobe}, an independent check that a recording plays with a player's FFmpeg rather than the
 * one that wrote it. Absent: the check is skipped with a visible message (CI installs it).
 */
final class Ffprobe {

    private Ffprobe() {
    }

    /** The number of video frames ffprobe decodes in {@code file}; skips the calling test without ffprobe. */
    static int countFrames(Path file) throws IOException, InterruptedException {
        String out = run("-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                "stream=nb_read_frames", "-of", "default=nokey=1:noprint_wrappers=1", file.toString());
        return Integer.parseInt(out.trim());
    }

    private static String run(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "ffprobe";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process;
        try {
            // Its warnings about a crash-truncated last fragment go to stderr; only the answer on stdout counts.
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            System.err.println("SKIPPED: ffprobe is not installed (apt-get install ffmpeg)");
            assumeTrue(false, "ffprobe is not installed");
            throw e;
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("ffprobe did not finish");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("ffprobe failed with exit code " + process.exitValue() + ": " + text);
        }
        return text;
    }
}
