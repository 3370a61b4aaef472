package dev.lookout.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {

    @TempDir
    Path storage;

    @Test
    void aVersionOneFileIsUpgradedWithItsRowsKept() throws Exception {
        StorageLayout layout = new StorageLayout(storage);
        Path clip = StoreFixtures.file(layout.folder(RecordingKind.CLIP, "gate").resolve("old.mp4"), 1234,
                Instant.parse("2026-11-30T08:00:00Z"));
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + layout.database());
                Statement s = db.createStatement()) {
            Schema.migrate(db, 1);
            assertEquals(1, Schema.version(db));
            s.execute("INSERT INTO events VALUES ('gate-old', 'gate', 3, 'person', 1764489600000, 1764489612000, "
                    + "0.7, 0.8, '[1,2,3,4]', '[\"drive\"]', '[]', 0, NULL, 'clips/gate/old.mp4')");
            s.execute("INSERT INTO events VALUES ('gate-open', 'gate', 4, 'car', 1764489700000, NULL, "
                    + "0.6, 0.6, '[1,2,3,4]', '[]', '[]', 0, NULL, NULL)");
            s.execute("INSERT INTO recordings VALUES ('clips/gate/old.mp4', 'gate', 'clip', 1764489600000, "
                    + "1764489612000, 1234)");
        }

        try (EventStore store = EventStore.open(StoreOptions.defaults(storage).warnings(w -> { }))) {
            StoredEvent old = store.reader().event("gate-old").orElseThrow();
            assertEquals(Instant.ofEpochMilli(1764489612000L), old.event().end());
            assertEquals(List.of("drive"), old.event().zones());
            assertEquals(clip, old.event().clip());
            StoredEvent open = store.reader().event("gate-open").orElseThrow();
            assertTrue(open.endUnknown(), "a v1 file's open event is closed on open");
            assertEquals(open.event().start(), open.event().end(), "v1 never recorded a later time for it");
            assertEquals(1, store.reader().recordings("gate", Instant.EPOCH, Instant.now()).size());
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + layout.database())) {
            assertEquals(Schema.CURRENT, Schema.version(db));
        }
    }

    @Test
    void aFileFromANewerLookoutIsRefusedAndLeftAlone() throws Exception {
        StorageLayout layout = new StorageLayout(storage);
        try (EventStore store = EventStore.open(StoreOptions.defaults(storage).warnings(w -> { }))) {
            store.flush();
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + layout.database());
                Statement s = db.createStatement()) {
            s.executeUpdate("UPDATE schema_version SET version = 99");
        }
        byte[] before = Files.readAllBytes(layout.database());
        StoreException e = assertThrows(StoreException.class,
                () -> EventStore.open(StoreOptions.defaults(storage).warnings(w -> { })));
        assertTrue(e.getMessage().contains("newer Lookout"), e.getMessage());
        StoreException read = assertThrows(StoreException.class, () -> new StoreReader(layout).events(EventQuery.NEWEST));
        assertTrue(read.getMessage().contains("version 99"), read.getMessage());
        assertEquals(before.length, Files.readAllBytes(layout.database()).length);
    }

    @Test
    void somethingThatIsNotAStoreGivesOneLine() throws Exception {
        StorageLayout layout = new StorageLayout(storage);
        Files.writeString(layout.database(), "these are not the bytes of a database, just some text. ".repeat(50));
        StoreException e = assertThrows(StoreException.class,
                () -> EventStore.open(StoreOptions.defaults(storage).warnings(w -> { })));
        assertTrue(e.getMessage().startsWith("cannot use the event store " + layout.database()), e.getMessage());
        assertThrows(StoreException.class, () -> new StoreReader(layout).events(EventQuery.NEWEST));
    }
}
