package dev.lookout.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.cli.CliRun;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.SmallDisk;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store on read-only media (a tmpfs remounted read-only, {@link SmallDisk}): reading it needs no write access,
 * although SQLite's WAL mode wants to create its shared-memory file even to read.
 */
@IntegrationTest
class ReadOnlyStoreTest {

    @TempDir
    Path parent;

    @Test
    void eventsListsAStoreOnAReadOnlyCopy() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(parent, 8192)) {
            Path data = disk.path().resolve("data");
            Instant start = Instant.parse("2026-12-01T10:00:00Z").truncatedTo(ChronoUnit.MILLIS);
            try (EventStore store = EventStore.open(StoreOptions.defaults(data))) {
                for (int i = 0; i < 3; i++) {
                    ObjectEvent e = new ObjectEvent("gate-" + i, "gate", i, "person", start.plusSeconds(i),
                            start.plusSeconds(i + 5), 0.8, 0.9, new double[] {1, 2, 30, 40}, List.of(), List.of(),
                            false, null, null);
                    store.onEvent(new EventChange(EventType.NEW, null, e));
                }
                store.flush();
            }
            disk.remountReadOnly();
            List<StoredEvent> read = new StoreReader(new StorageLayout(data)).events(EventQuery.NEWEST.limit(10));
            assertEquals(3, read.size());
            CliRun listing = CliRun.of("events", "--storage", data.toString(), "--json");
            assertEquals(0, listing.exitCode(), listing.err());
            assertEquals(3, listing.out().lines().count(), listing.out());
            assertTrue(listing.out().contains("\"gate-2\""), listing.out());
        }
    }
}
