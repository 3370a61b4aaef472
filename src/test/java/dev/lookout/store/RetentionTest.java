package dev.lookout.store;

import static dev.lookout.store.StoreFixtures.created;
import static dev.lookout.store.StoreFixtures.event;
import static dev.lookout.store.StoreFixtures.file;
import static dev.lookout.store.StoreFixtures.managedFiles;
import static dev.lookout.store.StoreFixtures.recordingRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on real files: two cameras' continuous recordings, clips and snapshots of closed events and of one
 * open event (camera gate, started 30 minutes ago).
 */
class RetentionTest {

    private static final int MB = 1_000_000;

    @TempDir
    Path storage;

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private Instant ago(Duration d) {
        return now.minus(d);
    }

    /** The storage folder described above; returns the open store. */
    private EventStore populated(RetentionPolicy policy) throws Exception {
        EventStore store = EventStore.open(StoreOptions.defaults(storage).retention(policy).warnings(warnings::add));
        StorageLayout layout = store.layout();
        continuous(store, "yard", "y1.mp4", Duration.ofHours(7), Duration.ofHours(6));
        continuous(store, "gate", "r1.mp4", Duration.ofHours(5), Duration.ofHours(4));
        continuous(store, "gate", "r2.mp4", Duration.ofHours(4), Duration.ofHours(3));
        continuous(store, "gate", "r3.mp4", Duration.ofMinutes(40), Duration.ofMinutes(10)); // overlaps the open event
        Path c1 = clip(layout, "c1.mp4", Duration.ofHours(3));
        Path c2 = clip(layout, "c2.mp4", Duration.ofHours(2));
        Path c3 = clip(layout, "c3.mp4", Duration.ofHours(5)); // old bytes, but the open event's
        Path s1 = file(layout.folder(RecordingKind.SNAPSHOT, "gate").resolve("s1.png"), 200_000, ago(Duration.ofHours(3)));
        file(layout.folder(RecordingKind.SNAPSHOT, "gate").resolve("s1.json"), 300, ago(Duration.ofHours(3)));
        Path s2 = file(layout.folder(RecordingKind.SNAPSHOT, "gate").resolve("s2.png"), 200_000, ago(Duration.ofHours(5)));
        Instant e1 = ago(Duration.ofHours(3));
        store.onEvent(created(event("e1", "gate", "person", e1, e1.plusSeconds(10), 0.8, c1, s1)));
        Instant e2 = ago(Duration.ofHours(2));
        store.onEvent(created(event("e2", "gate", "car", e2, e2.plusSeconds(10), 0.8, c2, null)));
        store.onEvent(created(event("e3", "gate", "person", ago(Duration.ofMinutes(30)), null, 0.8, c3, s2)));
        store.flush();
        if (policy.interval().compareTo(Duration.ofMinutes(1)) >= 0) { // else its own passes may have begun
            assertEquals(10, managedFiles(layout).size());
            RetentionReport indexOnly = store.prune(RetentionPolicy.KEEP_ALL); // indexes the sidecar s1.json
            assertEquals(0, indexOnly.bytesFreed());
            assertAgree(store);
        }
        return store;
    }

    private void continuous(EventStore store, String camera, String name, Duration start, Duration end)
            throws IOException {
        Path f = file(store.layout().folder(RecordingKind.CONTINUOUS, camera).resolve(name), MB, ago(end));
        store.addRecording(new Recording(camera, f, RecordingKind.CONTINUOUS, ago(start), ago(end), MB));
    }

    private Path clip(StorageLayout layout, String name, Duration modified) throws IOException {
        return file(layout.folder(RecordingKind.CLIP, "gate").resolve(name), MB / 2, ago(modified));
    }

    @Test
    void aSizeCapDeletesTheOldestContinuousRecordingsFirstThenClipsThenSnapshotsNeverTheOpenEventsFiles()
            throws Exception {
        try (EventStore store = populated(RetentionPolicy.KEEP_ALL)) {
            long total = folderSize();
            // needs 3.25 MB: the three unprotected continuous recordings (3 MB), then the oldest clip
            RetentionReport first = prune(store, total - 3_250_000);
            assertEquals(3, first.deleted(RecordingKind.CONTINUOUS), first.summary());
            assertEquals(1, first.deleted(RecordingKind.CLIP), first.summary());
            assertEquals(0, first.deleted(RecordingKind.SNAPSHOT), first.summary());
            assertTrue(first.limitsMet());
            assertTrue(folderSize() <= total - 3_250_000);
            assertEquals(List.of("clips/gate/c2.mp4", "clips/gate/c3.mp4", "recordings/gate/r3.mp4",
                    "snapshots/gate/s1.json", "snapshots/gate/s1.png", "snapshots/gate/s2.png"),
                    managedFiles(store.layout()));
            assertAgree(store);
            StoredEvent e1 = store.reader().event("e1").orElseThrow();
            assertNull(e1.event().clip(), "the deleted clip is no longer linked");
            assertTrue(Files.exists(e1.event().snapshot()));

            RetentionReport second = prune(store, 1);
            assertEquals(1, second.deleted(RecordingKind.CLIP), second.summary());
            assertEquals(1, second.deleted(RecordingKind.SNAPSHOT), "s1 with its sidecar");
            assertFalse(second.limitsMet());
            assertTrue(second.protectedSkipped() >= 3, second.summary());
            assertEquals(List.of("clips/gate/c3.mp4", "recordings/gate/r3.mp4", "snapshots/gate/s2.png"),
                    managedFiles(store.layout()));
            assertAgree(store);
            StoredEvent open = store.reader().event("e3").orElseThrow();
            assertTrue(Files.exists(open.event().clip()) && Files.exists(open.event().snapshot()));
            assertTrue(warnings.stream().anyMatch(w -> w.contains("cannot get")), warnings.toString());
        }
    }

    @Test
    void ageLimitsPerKindSpareOpenEvents() throws Exception {
        RetentionPolicy policy = RetentionPolicy.KEEP_ALL.maxAge(RecordingKind.CONTINUOUS, Duration.ofHours(2))
                .maxAge(RecordingKind.CLIP, Duration.ofMinutes(150)).maxAge(RecordingKind.SNAPSHOT, Duration.ofHours(1))
                .maxAge("yard", RecordingKind.CONTINUOUS, Duration.ofHours(8)); // yard keeps its y1 (6 h old)
        try (EventStore store = populated(policy)) {
            RetentionReport report = store.prune();
            assertEquals(2, report.deleted(RecordingKind.CONTINUOUS), report.summary());
            assertEquals(1, report.deleted(RecordingKind.CLIP), report.summary());
            assertEquals(1, report.deleted(RecordingKind.SNAPSHOT), report.summary());
            assertEquals(List.of("clips/gate/c2.mp4", "clips/gate/c3.mp4", "recordings/gate/r3.mp4",
                    "recordings/yard/y1.mp4", "snapshots/gate/s2.png"), managedFiles(store.layout()));
            assertEquals(1, report.protectedSkipped(), "s2's bytes are 5 h old, but it is the open event's snapshot");
            assertAgree(store);
        }
    }

    @Test
    void aFreeSpaceFloorOutOfReachDeletesEverythingButWhatIsProtected() throws Exception {
        try (EventStore store = populated(RetentionPolicy.KEEP_ALL.minFreeBytes(Long.MAX_VALUE / 4))) {
            RetentionReport report = store.prune();
            assertFalse(report.limitsMet());
            assertEquals(List.of("clips/gate/c3.mp4", "recordings/gate/r3.mp4", "snapshots/gate/s2.png"),
                    managedFiles(store.layout()));
            assertAgree(store);
        }
    }

    @Test
    void theStoreAppliesItsPolicyOnItsOwn() throws Exception {
        RetentionPolicy policy = RetentionPolicy.KEEP_ALL.maxAge(RecordingKind.CONTINUOUS, Duration.ofHours(6))
                .interval(Duration.ofMillis(200));
        try (EventStore store = populated(policy)) {
            Path y1 = store.layout().folder(RecordingKind.CONTINUOUS, "yard").resolve("y1.mp4");
            for (int i = 0; i < 200 && Files.exists(y1); i++) {
                Thread.sleep(50);
            }
            assertFalse(Files.exists(y1), "the only recording older than 6 h");
            // a pass may have run before the last files were written: one more pass indexes them
            store.prune(RetentionPolicy.KEEP_ALL);
            assertEquals(9, managedFiles(store.layout()).size());
            assertAgree(store);
        }
    }

    private static RetentionReport prune(EventStore store, long cap) throws Exception {
        return store.prune(RetentionPolicy.KEEP_ALL.maxTotalBytes(cap));
    }

    private void assertAgree(EventStore store) throws Exception {
        StorageLayout layout = store.layout();
        assertEquals(managedFiles(layout), recordingRows(new StoreReader(layout), "gate", "yard"),
                "every managed file has a row and every row a file");
    }

    private long folderSize() throws IOException {
        try (Stream<Path> files = Files.walk(storage)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
