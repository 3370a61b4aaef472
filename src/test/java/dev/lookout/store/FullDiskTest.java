package dev.lookout.store;

import dev.lookout.testsupport.IntegrationTest;
import static dev.lookout.store.StoreFixtures.changed;
import static dev.lookout.store.StoreFixtures.created;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.event.ObjectEvent;
import dev.lookout.testsupport.SmallDisk;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real full disk (a 4 MB tmpfs, {@link SmallDisk}): events wait and are written later. */
@IntegrationTest
class FullDiskTest {

    @TempDir
    Path parent;

    @Test
    void eventsWaitThroughAFullDiskAndAreAllWrittenOnceThereIsSpace() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(parent, 4096)) {
            Path mount = disk.path();
            List<String> warnings = new CopyOnWriteArrayList<>();
            Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            List<String> zones = Collections.nCopies(40, "a-zone-with-a-long-name-" + "z".repeat(30));
            try (EventStore store = EventStore.open(StoreOptions.defaults(mount.resolve("data")).warnings(warnings::add))) {
                store.onEvent(created(event("before", start, null, zones)));
                store.flush();
                Path filler = mount.resolve("filler");
                fill(filler);

                List<ObjectEvent> open = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    ObjectEvent e = event("e" + i, start.plusMillis(i), null, zones);
                    store.onEvent(created(e));
                    open.add(e);
                }
                for (int i = 0; i < 300; i += 2) {
                    ObjectEvent e = open.get(i);
                    store.onEvent(changed(e, event(e.id(), e.start(), e.start().plusSeconds(5), zones)));
                }
                for (int i = 0; i < 500 && warnings.stream().noneMatch(w -> w.contains("will retry")); i++) {
                    Thread.sleep(20);
                }
                StoreStats full = store.stats();
                assertTrue(full.failures() > 0, "the disk is full: " + full.summary());
                assertTrue(full.pendingEvents() > 0, full.summary());
                assertTrue(warnings.stream().anyMatch(w -> w.contains("will retry")), warnings.toString());

                Files.delete(filler);
                store.flush();
                StoreStats after = store.stats();
                assertEquals(0, after.eventsRefused(), after.summary());
                assertEquals(0, after.pendingEvents());
                List<StoredEvent> stored = store.reader().events(EventQuery.NEWEST.limit(1000));
                assertEquals(301, stored.size());
                for (StoredEvent s : stored) {
                    int n = s.event().id().equals("before") ? 1 : Integer.parseInt(s.event().id().substring(1));
                    assertEquals(n % 2 == 0, s.event().end() != null, s.event().id() + "'s end");
                }
            }
        }
    }

    @Test
    void eventsStillWaitingWhenTheStoreClosesOnAFullDiskAreKeptAndWrittenWhenItReopensWithSpace() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(parent, 8192)) {
            Path mount = disk.path();
            Path data = mount.resolve("data");
            List<String> warnings = new CopyOnWriteArrayList<>();
            Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            List<String> zones = List.of("yard");
            Path filler = mount.resolve("filler");
            try (EventStore store = EventStore.open(StoreOptions.defaults(data).warnings(warnings::add))) {
                store.onEvent(created(event("before", start, null, zones)));
                store.flush();
                fill(filler);
                for (int i = 0; i < 200; i++) {
                    ObjectEvent e = event("e" + i, start.plusMillis(i), null, zones);
                    store.onEvent(created(e));
                    if (i % 2 == 0) {
                        store.onEvent(changed(e, event(e.id(), e.start(), e.start().plusSeconds(5), zones)));
                    }
                }
                for (int i = 0; i < 500 && warnings.stream().noneMatch(w -> w.contains("will retry")); i++) {
                    Thread.sleep(20);
                }
                assertTrue(warnings.stream().anyMatch(w -> w.contains("is full") && w.contains(data.toString())
                        && w.contains("free space")), "a full disk is named as such, with what to do: " + warnings);
            } // closed while the disk is still full
            assertTrue(warnings.stream().anyMatch(w -> w.contains("200 events that the database could not take are "
                    + "kept in " + data.resolve("lookout.journal"))), warnings.toString());
            assertTrue(warnings.stream().noneMatch(w -> w.contains("lost")), warnings.toString());

            Files.delete(filler);
            warnings.clear();
            try (EventStore store = EventStore.open(StoreOptions.defaults(data).warnings(warnings::add))) {
                assertTrue(warnings.stream().anyMatch(w -> w.contains("200 events kept in")
                        && w.contains("are now in the store")), warnings.toString());
                List<StoredEvent> stored = store.reader().events(EventQuery.NEWEST.limit(1000));
                assertEquals(201, stored.size());
                for (StoredEvent s : stored) {
                    String id = s.event().id();
                    if (id.startsWith("e") && Integer.parseInt(id.substring(1)) % 2 == 0) {
                        assertEquals(s.event().start().plusSeconds(5), s.event().end(), id + " ended as it was");
                    } else {
                        assertTrue(s.event().end() != null, id + " was open at the stop: closed, end unknown");
                    }
                }
            }
            warnings.clear();
            try (EventStore store = EventStore.open(StoreOptions.defaults(data).warnings(warnings::add))) {
                assertTrue(warnings.stream().noneMatch(w -> w.contains("journal")), "replayed once: " + warnings);
                assertEquals(201, store.reader().events(EventQuery.NEWEST.limit(1000)).size());
            }
        }
    }

    private static ObjectEvent event(String id, Instant start, Instant end, List<String> zones) {
        return new ObjectEvent(id, "gate", 1, "person", start, end, 0.7, 0.7, null, zones, List.of(), false, null, null);
    }

    /** Writes until the disk refuses. */
    private static void fill(Path file) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }
}
