package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.Edt;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory-limit relaunch with real processes: {@code lookout live} started as the user starts it relaunches
 * itself in a child JVM; the child must never outlive its parent, and a normal stop still ends with the statistics.
 */
@IntegrationTest
class LiveRelaunchTest {

    @TempDir
    Path dir;
    private Path vtest;
    private Path model;

    @BeforeEach
    void needs() {
        Edt.requireDisplay("LiveRelaunchTest");
        vtest = TestData.vtestAvi();
        model = TestData.require(TestData.modelDir().resolve("model.onnx"), "the converted model").getParent();
    }

    /** Starts {@code lookout live} as a user would (no arena limit set, so it relaunches itself). */
    private Process startParent(Path recording) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.lookout.cli.Main", "live", "--source", vtest.toString(), "--loop", "--device", "cpu",
                "--model", model.toString(), "--duration", "300", "--record", recording.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile());
        builder.environment().remove(ArenaLimitedRelaunch.VARIABLE);
        return builder.start();
    }

    /** Waits until the relaunched child records (its window and pipeline are up) and returns it. */
    private ProcessHandle awaitRecordingChild(Process parent, Path recording) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        Optional<ProcessHandle> child = Optional.empty();
        // a first fragment on disk: the child's window, pipeline and recorder run
        while (System.nanoTime() < deadline && (child.isEmpty() || !Files.exists(recording)
                || Files.size(recording) == 0)) {
            assertTrue(parent.isAlive(), "the parent ended early: " + log());
            child = parent.toHandle().children().findFirst();
            try {
                parent.onExit().get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // the usual case: look again
            }
        }
        assertTrue(child.isPresent() && Files.exists(recording) && Files.size(recording) > 0,
                "a relaunched child recording: " + log());
        return child.get();
    }

    private static void stop(Process parent, ProcessHandle child) {
        parent.destroyForcibly();
        if (child != null) {
            child.destroyForcibly();
        }
    }

    private String log() throws Exception {
        return Files.readString(dir.resolve("log.txt"));
    }

    @Test
    void aParentKilledOutrightTakesTheChildWithIt() throws Exception {
        Path recording = dir.resolve("killed.mp4");
        Process parent = startParent(recording);
        ProcessHandle child = null;
        try {
            child = awaitRecordingChild(parent, recording);
            parent.destroyForcibly(); // SIGKILL: no shutdown hook of the parent runs
            parent.waitFor(10, TimeUnit.SECONDS);
            child.onExit().get(30, TimeUnit.SECONDS);
            assertFalse(child.isAlive(), "the child is gone with its parent");
            assertTrue(log().contains("is gone; stopping"), log());
            assertFalse(log().contains("\tat "), "no stack trace: " + log());
        } finally {
            stop(parent, child);
        }
    }

    @Test
    void aParentStoppedNormallyStillPrintsTheStatisticsLine() throws Exception {
        Path recording = dir.resolve("stopped.mp4");
        Process parent = startParent(recording);
        ProcessHandle child = null;
        try {
            child = awaitRecordingChild(parent, recording);
            parent.destroy(); // SIGTERM: passed on to the child, which closes the window
            assertTrue(parent.waitFor(60, TimeUnit.SECONDS), "the parent ends: " + log());
            child.onExit().get(10, TimeUnit.SECONDS);
            List<String> stats = log().lines().filter(l -> l.startsWith("{") && l.contains("\"framesCaptured\""))
                    .toList();
            assertTrue(stats.size() == 1, "one statistics line: " + log() + " (child " + child.info() + ")");
            assertFalse(log().contains("\tat "), "no stack trace: " + log());
        } catch (TimeoutException e) {
            throw new AssertionError("the child did not end: " + log(), e);
        } finally {
            stop(parent, child);
        }
    }
}
