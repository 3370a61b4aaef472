package dev.lookout.store;

import dev.lookout.testsupport.IntegrationTest;
import static dev.lookout.store.StoreFixtures.managedFiles;
import static dev.lookout.store.StoreFixtures.recordingRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} of a process writing the store (a real child JVM), then a reopen. */
@IntegrationTest
class CrashRecoveryTest {

    private static final int STEPS_BEFORE_KILL = 12;

    @TempDir
    Path storage;

    @TempDir
    Path logs;

    @Test
    void afterKillNineTheStoreOpensClosesOpenEventsIndexesFilesAndRemovesOnlyPartialOnes() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                StoreCrashChild.class.getName(), storage.toString())
                .redirectError(logs.resolve("child.stderr").toFile()).start();
        int flushed = -1;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; flushed < STEPS_BEFORE_KILL && (line = out.readLine()) != null; ) {
                if (line.startsWith("FLUSHED ")) {
                    flushed = Integer.parseInt(line.substring(8));
                }
            }
            assertEquals(STEPS_BEFORE_KILL, flushed, "the child wrote and flushed its steps");
            StoreException inUse = assertThrows(StoreException.class, () -> EventStore.open(options(List.of())));
            assertTrue(inUse.getMessage().contains("in use by another Lookout process"), inUse.getMessage());
        } finally {
            child.destroyForcibly(); // SIGKILL, in the middle of its next steps
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        StorageLayout layout = new StorageLayout(storage);
        Map<String, Long> worthKeeping = new TreeMap<>();
        List<String> partial = new ArrayList<>();
        for (String file : managedFiles(layout)) {
            long size = Files.size(layout.resolve(file));
            if (size == 0 || Path.of(file).getFileName().toString().startsWith(".")) {
                partial.add(file);
            } else {
                worthKeeping.put(file, size);
            }
        }
        assertFalse(partial.isEmpty(), "the child always has a claimed name and a temporary snapshot");
        Path lostClip = layout.folder(RecordingKind.CLIP, "gate").resolve("gate-1.mp4");
        Files.delete(lostClip); // and someone deleted a clip by hand
        worthKeeping.remove(layout.stored(lostClip));

        List<String> warnings = new CopyOnWriteArrayList<>();
        try (EventStore store = EventStore.open(options(warnings))) {
            assertTrue(warnings.stream().anyMatch(w -> w.contains("open events closed")), warnings.toString());
            StoreReader reader = store.reader();
            List<StoredEvent> events = reader.events(EventQuery.NEWEST.limit(1000));
            assertTrue(events.size() > STEPS_BEFORE_KILL, "every flushed event is there: " + events.size());
            int unknownEnds = 0;
            for (StoredEvent e : events) {
                assertNotNull(e.event().end(), e.event().id() + " is closed");
                assertFalse(e.event().end().isBefore(e.event().start()));
                unknownEnds += e.endUnknown() ? 1 : 0;
            }
            assertTrue(unknownEnds >= 2, "the child always had two events open: " + unknownEnds);
            for (int n = 0; n <= STEPS_BEFORE_KILL - 3; n++) {
                assertFalse(reader.event("gate-" + n).orElseThrow().endUnknown(), "gate-" + n + " ended normally");
            }
            assertNull(reader.event("gate-1").orElseThrow().event().clip(), "the deleted clip is unlinked");
            assertNotNull(reader.event("gate-2").orElseThrow().event().clip());

            Map<String, Long> after = new TreeMap<>();
            for (String file : managedFiles(layout)) {
                after.put(file, Files.size(layout.resolve(file)));
            }
            assertEquals(worthKeeping, after, "every file with content kept, byte for byte in size; partial ones gone");
            assertEquals(managedFiles(layout), recordingRows(reader, "gate"), "a row for every file, a file per row");
            for (Recording r : reader.recordings("gate", Instant.EPOCH, Instant.now().plusSeconds(60))) {
                assertNotNull(r.end(), r.file() + " has an end");
                assertEquals(Files.size(r.file()), r.size(), r.file() + "'s size as measured");
            }
        }
    }

    private StoreOptions options(List<String> warnings) {
        return StoreOptions.defaults(storage).warnings(warnings::add);
    }
}
