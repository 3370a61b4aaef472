package dev.lookout.store;

import static dev.lookout.store.StoreFixtures.changed;
import static dev.lookout.store.StoreFixtures.created;
import static dev.lookout.store.StoreFixtures.event;
import static dev.lookout.store.StoreFixtures.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.event.ObjectEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStoreTest {

    @TempDir
    Path storage;

    private final List<String> warnings = new CopyOnWriteArrayList<>();

    private EventStore open() throws StoreException {
        return EventStore.open(StoreOptions.defaults(storage).warnings(warnings::add));
    }

    @Test
    void changesThroughTheSinkBecomeOneRowPerEventWithItsFilesIndexed() throws Exception {
        StorageLayout layout = new StorageLayout(storage);
        Instant start = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);
        try (EventStore store = open()) {
            Path clip = file(layout.folder(RecordingKind.CLIP, "gate").resolve("gate-1.mp4"), 5000, start);
            Path snapshot = file(layout.folder(RecordingKind.SNAPSHOT, "gate").resolve("gate-1.png"), 700, start);
            ObjectEvent opened = event("gate-1", "gate", "person", start, null, 0.6, null, null);
            store.onEvent(created(opened));
            ObjectEvent previous = opened;
            for (int i = 1; i <= 50; i++) {
                ObjectEvent next = event("gate-1", "gate", "person", start, null, 0.6 + i * 0.005, clip, snapshot);
                store.onEvent(changed(previous, next));
                previous = next;
            }
            ObjectEvent ended = event("gate-1", "gate", "person", start, start.plusSeconds(9), 0.85, clip, snapshot);
            store.onEvent(changed(previous, ended));
            ObjectEvent car = event("yard-1", "yard", "car", start.plusSeconds(3), null, 0.7, null, null);
            store.onEvent(created(car));
            store.flush();

            StoreStats stats = store.stats();
            assertEquals(53, stats.changes());
            assertEquals(0, stats.eventsRefused());
            assertEquals(stats.changes(), stats.eventsWritten() + stats.coalesced(), "every change written or folded");

            StoredEvent gate = store.reader().event("gate-1").orElseThrow();
            assertEquals(start.plusSeconds(9), gate.event().end());
            assertFalse(gate.endUnknown());
            assertEquals(0.85, gate.event().topScore(), 1e-9);
            assertEquals(List.of("drive"), gate.event().zones());
            assertEquals(List.of("gate:in"), gate.event().lines());
            assertEquals(clip, gate.event().clip());
            assertEquals(snapshot, gate.event().snapshot());
            assertNull(store.reader().event("yard-1").orElseThrow().event().end(), "still open");

            List<Recording> files = store.reader().recordings("gate", start.minusSeconds(1), start.plusSeconds(60));
            assertEquals(2, files.size(), files.toString());
            Recording clipRow = files.stream().filter(r -> r.kind() == RecordingKind.CLIP).findFirst().orElseThrow();
            assertEquals(clip, clipRow.file());
            assertEquals(start, clipRow.start());
            assertEquals(start.plusSeconds(9), clipRow.end());
            assertEquals(5000, clipRow.size());

            assertTrue(store.thumbnail("gate-1", snapshot));
            store.flush();
            assertEquals(snapshot, store.reader().event("gate-1").orElseThrow().thumbnail());
            assertEquals(snapshot.toString(), store.reader().event("gate-1").orElseThrow().json().get("thumbnail")
                    .asText());
        }
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void queriesFilterAndPageNewestFirst() throws Exception {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        try (EventStore store = open()) {
            for (int i = 0; i < 10; i++) {
                String camera = i % 2 == 0 ? "gate" : "yard";
                String cls = i % 3 == 0 ? "car" : "person";
                Instant start = t0.plusSeconds(60L * i);
                store.onEvent(created(event("e" + i, camera, cls, start, start.plusSeconds(5), 0.7, null, null)));
            }
            store.flush();
            StoreReader reader = store.reader();
            assertEquals(List.of("e9", "e8", "e7"), ids(reader.events(EventQuery.NEWEST.limit(3))));
            assertEquals(List.of("e6", "e5", "e4"), ids(reader.events(EventQuery.NEWEST.limit(3).offset(3))));
            assertEquals(List.of("e8", "e6", "e4", "e2", "e0"), ids(reader.events(EventQuery.NEWEST.camera("gate"))));
            assertEquals(List.of("e6", "e0"), ids(reader.events(EventQuery.NEWEST.camera("gate").className("car"))));
            assertEquals(List.of("e4", "e3"), ids(reader.events(
                    EventQuery.NEWEST.since(t0.plusSeconds(180)).until(t0.plusSeconds(300)))));
            assertTrue(reader.event("nope").isEmpty());
        }
    }

    @Test
    void aSecondWriterIsRefusedWithAClearMessage() throws Exception {
        try (EventStore store = open()) {
            StoreException e = assertThrows(StoreException.class, this::open);
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
        }
        try (EventStore again = open()) {
            assertTrue(again.reader().events(EventQuery.NEWEST).isEmpty(), "reopens after close");
        }
    }

    @Test
    void whenTheDiskFallsBehindUpdatesCoalesceAndOnlyEventsBeyondTheBoundAreRefusedAndReported() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (EventStore store = EventStore.open(StoreOptions.defaults(storage).warnings(warnings::add).queues(2, 10))) {
            CountDownLatch diskStalled = new CountDownLatch(1);
            CountDownLatch writerHeld = new CountDownLatch(1);
            assertTrue(store.submit(db -> { // a disk that stops answering, as seen from the writer
                writerHeld.countDown();
                diskStalled.await();
            }));
            writerHeld.await();

            ObjectEvent a = event("a", "gate", "person", start, null, 0.6, null, null);
            ObjectEvent b = event("b", "gate", "person", start, null, 0.6, null, null);
            store.onEvent(created(a));
            store.onEvent(created(b));
            ObjectEvent aEnded = event("a", "gate", "person", start, start.plusSeconds(4), 0.9, null, null);
            store.onEvent(changed(a, aEnded)); // folds into the waiting state of 'a'
            store.onEvent(created(event("c", "gate", "dog", start, null, 0.6, null, null))); // a third event: refused
            StoreStats stalled = store.stats();
            assertEquals(1, stalled.eventsRefused());
            assertEquals(1, stalled.coalesced());
            assertEquals(2, stalled.pendingEvents());
            assertTrue(warnings.stream().anyMatch(w -> w.contains("event c refused")), warnings.toString());

            diskStalled.countDown();
            store.flush();
            assertEquals(start.plusSeconds(4), store.reader().event("a").orElseThrow().event().end(), "end kept");
            assertTrue(store.reader().event("b").isPresent());
            assertTrue(store.reader().event("c").isEmpty());
        }
    }

    private static List<String> ids(List<StoredEvent> events) {
        return events.stream().map(e -> e.event().id()).toList();
    }
}
