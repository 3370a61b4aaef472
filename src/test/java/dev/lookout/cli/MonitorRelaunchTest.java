package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lookout monitor} started as a user starts it (no arena limit in the environment, no heap option) runs in
 * a relaunched child JVM with {@code MALLOC_ARENA_MAX=2} and the monitor's heap bound, the two settings that keep
 * its memory bounded (docs/PERFORMANCE.md); a heap the user chose is left alone; SIGTERM still stops it cleanly.
 * Linux only (it reads the child's {@code /proc} entries; elsewhere there is no relaunch).
 */
@IntegrationTest
class MonitorRelaunchTest {

    @TempDir
    Path dir;
    private Path config;
    private Path model;

    @BeforeEach
    void needs() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux only");
        model = TestData.require(TestData.modelDir().resolve("model.onnx"), "the converted model").getParent();
        config = dir.resolve("lookout.yml");
        Files.writeString(config, "storage: data\ncameras:\n  door:\n    source: " + TestData.vtestAvi()
                + "\n    loop: true\n");
    }

    private Process startParent(List<String> jvmOptions) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.lookout.cli.Main", "monitor",
                "--config", config.toString(), "--model", model.toString(), "--json-log", "--health", "1",
                "--duration", "120"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile());
        builder.environment().remove(ArenaLimitedRelaunch.VARIABLE);
        builder.environment().remove(ArenaLimitedRelaunch.MMAP_THRESHOLD);
        return builder.start();
    }

    /** The relaunched child, once it monitors (its first health line is in the log). */
    private ProcessHandle awaitMonitoringChild(Process parent) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        Optional<ProcessHandle> child = Optional.empty();
        while (System.nanoTime() < deadline && (child.isEmpty() || !log().contains("\"type\":\"health\""))) {
            assertTrue(parent.isAlive(), "the parent ended early: " + log());
            child = parent.toHandle().children().findFirst();
            Thread.sleep(100);
        }
        assertTrue(child.isPresent() && log().contains("\"type\":\"health\""), "a monitoring child: " + log());
        return child.get();
    }

    private static List<String> procStrings(ProcessHandle process, String entry) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), entry));
        return List.of(new String(bytes, StandardCharsets.UTF_8).split("\0"));
    }

    private String log() throws Exception {
        Path log = dir.resolve("log.txt");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Test
    void theMonitorRunsWithTheArenaLimitAndABoundedHeapAndStopsOnSigterm() throws Exception {
        Process parent = startParent(List.of());
        ProcessHandle child = null;
        try {
            child = awaitMonitoringChild(parent);
            assertTrue(procStrings(child, "environ").contains("MALLOC_ARENA_MAX=2"), "arena limit in the child");
            assertTrue(procStrings(child, "environ").contains("MALLOC_MMAP_THRESHOLD_=524288"),
                    "fixed mmap threshold in the child");
            assertTrue(procStrings(child, "cmdline").contains("-Xmx256m"),
                    "heap bound for one camera: " + procStrings(child, "cmdline"));
            parent.destroy(); // SIGTERM: passed on to the child, which stops the monitor
            assertTrue(parent.waitFor(60, TimeUnit.SECONDS), "the parent ends: " + log());
            child.onExit().get(10, TimeUnit.SECONDS);
            assertTrue(log().contains("stopping (signal)"), log());
            assertFalse(log().contains("\tat "), "no stack trace: " + log());
        } finally {
            parent.destroyForcibly();
            if (child != null) {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void aHeapTheUserChoseIsKept() throws Exception {
        Process parent = startParent(List.of("-Xmx300m"));
        ProcessHandle child = null;
        try {
            child = awaitMonitoringChild(parent);
            List<String> cmdline = procStrings(child, "cmdline");
            assertTrue(cmdline.contains("-Xmx300m"), "the user's heap: " + cmdline);
            assertFalse(cmdline.contains("-Xmx256m"), "no second heap option: " + cmdline);
            assertEquals(1, cmdline.stream().filter(a -> a.startsWith("-Xmx")).count(), cmdline.toString());
        } finally {
            parent.destroyForcibly();
            if (child != null) {
                child.destroyForcibly();
            }
        }
    }
}
