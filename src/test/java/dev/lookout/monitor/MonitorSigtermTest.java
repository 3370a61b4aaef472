package dev.lookout.monitor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.FfmpegFrameSource;
import dev.lookout.capture.Frame;
import dev.lookout.capture.OpenCv;
import dev.lookout.store.EventQuery;
import dev.lookout.store.EventStore;
import dev.lookout.store.StoreOptions;
import dev.lookout.store.StoredEvent;
import dev.lookout.testsupport.Await;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lookout monitor} in a child JVM, stopped with SIGTERM in the middle of events: it logs that it stopped,
 * every event is ended (not "end unknown"), every clip is final and plays, and the store is free to open again.
 */
@IntegrationTest
class MonitorSigtermTest {

    @Test
    void sigtermFinalizesClipsAndClosesTheStore(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lookout.yml");
        Files.writeString(file, String.join("\n",
                "storage: data",
                "cameras:",
                "  walk:",
                "    source: " + TestData.vtestAvi(),
                "    loop: true",
                "    watch: [person]",
                "    pre_roll: 1s",
                ""));
        Path stderr = dir.resolve("monitor.stderr");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "dev.lookout.cli.Main", "monitor", "--config", file.toString(), "--json-log", "--health", "1",
                "--model", TestData.modelDir().toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile());
        // the arena limit already set: no relaunch, so the signal reaches the monitor's own JVM
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        Process child = builder.start();
        try {
            // Java closes a child's pipes on destroy(): the log goes to a file, read while it grows
            Path clips = dir.resolve("data/clips/walk");
            Await.until(() -> starts(stderr) >= 5 && Files.isDirectory(clips) && clips.toFile().list().length > 0,
                    "five events start and a clip records before the signal");
            child.destroy(); // SIGTERM, with events open and a clip recording
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the monitor stops within 60 s of SIGTERM");
        } finally {
            child.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(stderr);
        String log = String.join("\n", lines);
        assertTrue(log.contains("stopped; clips finalized and the store closed"), log);
        assertTrue(log.contains("\"type\":\"event-end\""), "open events ended at the signal:\n" + log);

        OpenCv.load();
        try (EventStore store = EventStore.open(StoreOptions.defaults(dir.resolve("data")))) {
            List<StoredEvent> events = store.reader().events(EventQuery.NEWEST.limit(1000));
            assertFalse(events.isEmpty());
            for (StoredEvent e : events) {
                assertTrue(e.event().end() != null && !e.endUnknown(), "ended cleanly: " + e);
            }
            List<Path> clips = events.stream().map(e -> e.event().clip()).filter(c -> c != null).distinct()
                    .toList();
            assertFalse(clips.isEmpty(), "events carry their clip");
            int longest = 0;
            for (Path clip : clips) {
                int frames = 0;
                try (FfmpegFrameSource video = FfmpegFrameSource.openFile(clip)) {
                    for (Frame f; (f = video.read()) != null; ) {
                        f.close();
                        frames++;
                    }
                }
                // a clip begun just before the signal may hold only its few pre-roll frames: it must play
                assertTrue(frames > 0, clip + " plays: " + frames + " frames");
                longest = Math.max(longest, frames);
            }
            assertTrue(longest > 5, "the clip recording since before the signal has its frames: " + longest);
        }
    }

    private static long starts(Path log) {
        try {
            return Files.readAllLines(log).stream().filter(l -> l.contains("\"type\":\"event-")).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
