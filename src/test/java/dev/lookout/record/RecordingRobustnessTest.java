package dev.lookout.record;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lookout.capture.Frame;
import dev.lookout.detect.Detection;
import dev.lookout.testsupport.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording survives what happens to real processes and disks: SIGKILL, SIGTERM, a full disk. */
@IntegrationTest
class RecordingRobustnessTest {

    static final Detection PERSON = new Detection(120, 150, 200, 300, "person", 0.91);

    @TempDir
    Path dir;

    /**
     * A child JVM recording vtest.avi at 10 fps. Its stdout goes to a file, not a pipe: {@code Process.destroy()}
     * closes the parent's end of the pipes, which would lose what the child prints while it shuts down.
     */
    private record Child(Process process, Path stdout) {

        static Child start(Path out) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path stdout = out.resolveSibling(out.getFileName() + ".stdout");
            Process process = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    RecordingChild.class.getName(), TestData.vtestAvi().toString(), out.toString())
                    .redirectOutput(stdout.toFile())
                    .redirectError(out.resolveSibling(out.getFileName() + ".stderr").toFile()).start();
            return new Child(process, stdout);
        }

        List<String> lines() {
            try {
                return Files.readAllLines(stdout);
            } catch (IOException e) {
                return List.of();
            }
        }

        /** Waits until the child reports at least {@code frames} frames encoded. */
        void awaitWritten(long frames) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (written() >= frames) {
                    return;
                }
                assertTrue(process.isAlive(), "the recording child died: " + lines());
                Thread.sleep(20);
            }
            throw new AssertionError("the child did not record " + frames + " frames in 60 s: " + lines());
        }

        void awaitExit() throws InterruptedException {
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the child did not exit");
        }

        long written() {
            long written = 0;
            for (String line : lines()) {
                if (line.startsWith("written ")) {
                    written = Math.max(written, Long.parseLong(line.substring(8).trim()));
                }
            }
            return written;
        }
    }

    @Test
    void sigkillLeavesAFilePlayableUpToTheLastSecondOrSo() throws Exception {
        Path out = dir.resolve("killed.mp4");
        Child child = Child.start(out);
        child.awaitWritten(45);
        long writtenBeforeKill = child.written();
        child.process().destroyForcibly(); // SIGKILL: no shutdown hook, no trailer
        child.awaitExit();
        assertEquals(137, child.process().exitValue(), "killed by SIGKILL");

        assertTrue(Files.exists(out), "the file keeps its final name");
        assertFalse(endsWithMfra(out), "no trailer after SIGKILL: this really tests a crash");
        int decoded = TestVideo.timestamps(out).size();
        System.out.printf("SIGKILL after %d frames encoded: %d frames playable%n", writtenBeforeKill, decoded);
        // 10 fps with a fragment per second: at most ~1 s (10 frames) plus the frames in flight are lost.
        assertTrue(decoded >= writtenBeforeKill - 15, decoded + " playable of " + writtenBeforeKill);
        assertTrue(decoded <= child.written() + 1);
        assertEquals(List.of(), child.lines().stream().filter(l -> l.startsWith("finished")).toList(),
                "SIGKILL runs no shutdown hook");
        assertEquals(decoded, Ffprobe.countFrames(out), "Debian's ffprobe reads the same frames");
    }

    @Test
    void sigtermFinalizesTheFile() throws Exception {
        Path out = dir.resolve("terminated.mp4");
        Child child = Child.start(out);
        child.awaitWritten(30);
        child.process().destroy(); // SIGTERM: the shutdown hook finalizes the recording
        child.awaitExit();
        assertEquals(143, child.process().exitValue(), "ended by SIGTERM");
        long written = child.written();
        String finished = child.lines().stream().filter(l -> l.startsWith("finished ")).findFirst().orElse(null);
        assertNotNull(finished, "the shutdown hook closed the recorder: " + child.lines() + "\nstderr: "
                + Files.readString(dir.resolve("terminated.mp4.stderr")));
        long finalCount = Long.parseLong(finished.substring(9).trim());
        assertTrue(finalCount >= written, finalCount + " < " + written);

        assertTrue(endsWithMfra(out), "finalized: the fragmented MP4 ends with its index (mfra)");
        List<Long> timestamps = TestVideo.timestamps(out);
        System.out.printf("SIGTERM: %d frames finalized, %d decoded%n", finalCount, timestamps.size());
        assertEquals(finalCount, timestamps.size(), "every frame encoded before the exit is in the file");
        assertEquals(finalCount, Ffprobe.countFrames(out));
    }

    @Test
    void aFullDiskStopsTheRecordingWithAClearMessageAndKeepsWhatWasWritten() throws Exception {
        Path mount = dir.resolve("small-disk");
        Files.createDirectories(mount);
        assumeTrue(mountTmpfs(mount, "400k"), "needs root and mount to create a small tmpfs");
        try {
            List<String> failures = new CopyOnWriteArrayList<>();
            AnnotatedRecorder recorder = AnnotatedRecorder.inFolder(mount).frameRate(10)
                    .listener(new RecorderListener() {
                        @Override
                        public void recordingFailed(AnnotatedRecorder r, String message) {
                            failures.add(message);
                        }
                    }).start();
            int offered = 0;
            boolean refused = false;
            try (TestVideo source = TestVideo.open(TestData.vtestAvi())) {
                // Far more than 400 kB of video: the disk fills up on the way.
                while (offered < 400) {
                    try (Frame frame = source.next()) {
                        offered++;
                        if (!recorder.put(frame, List.of(PERSON))) {
                            refused = true; // the caller goes on; the recorder just refuses frames
                        }
                    }
                }
            }
            RecordingSummary summary = recorder.finish();
            System.out.println("disk full: " + summary + " messages " + failures);
            assertTrue(refused, "frames are refused once the disk is full");
            assertEquals(1, failures.size());
            assertTrue(failures.get(0).contains("No space left on device"), failures.get(0));
            assertTrue(failures.get(0).contains(summary.path().toString()), "the message names the file");
            assertEquals(failures.get(0), summary.failure());
            int playable = TestVideo.timestamps(summary.path()).size();
            System.out.printf("disk full after %d frames encoded: %d frames playable%n", summary.framesWritten(),
                    playable);
            assertTrue(playable >= 10 && playable <= summary.framesWritten(), playable + " playable");
            assertEquals(playable, Ffprobe.countFrames(summary.path()));
        } finally {
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void anUnwritableFolderIsAClearErrorAtStart() throws Exception {
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> AnnotatedRecorder.inFolder(file.resolve("recordings")).start());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    /** True if the file ends with the {@code mfro} box that closes a finalized fragmented MP4. */
    static boolean endsWithMfra(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return bytes.length > 16 && new String(bytes, bytes.length - 12, 4, StandardCharsets.ISO_8859_1).equals("mfro");
    }

    private static boolean mountTmpfs(Path at, String size) {
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            if (!ok) {
                System.err.println("SKIPPED: cannot mount a tmpfs: " + output.trim());
            }
            return ok;
        } catch (IOException e) {
            System.err.println("SKIPPED: cannot run mount: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
