package dev.lookout.cli;

import dev.lookout.testsupport.TestData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import dev.lookout.store.EventStore;
import dev.lookout.store.RecordingKind;
import dev.lookout.store.StorageLayout;
import dev.lookout.store.StoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lookout events} on a real store written through the event sink. */
class EventsCommandTest {

    @TempDir
    Path storage;

    @TempDir
    Path exports;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** gate-1 (person, 3 h ago, clip and snapshot), yard-1 (car, 1 h ago), gate-2 (person, open, 10 min ago). */
    private EventStore populated() throws Exception {
        EventStore store = EventStore.open(StoreOptions.defaults(storage).warnings(w -> { }));
        StorageLayout layout = store.layout();
        Instant old = now.minus(Duration.ofHours(3));
        Path clip = write(layout.folder(RecordingKind.CLIP, "gate").resolve("gate-1.mp4"), 4000, old);
        Path snapshot = write(layout.folder(RecordingKind.SNAPSHOT, "gate").resolve("gate-1.png"), 900, old);
        add(store, new ObjectEvent("gate-1", "gate", 4, "person", old, old.plusSeconds(75), 0.8, 0.91,
                new double[] {1, 2, 3, 4}, List.of("drive"), List.of("gate:in"), false, snapshot, clip));
        Instant hour = now.minus(Duration.ofHours(1));
        add(store, new ObjectEvent("yard-1", "yard", 9, "car", hour, hour.plusSeconds(5), 0.7, 0.7,
                new double[] {1, 2, 3, 4}, List.of("lawn", "drive"), List.of("fence:out"), false, null, null));
        add(store, new ObjectEvent("gate-2", "gate", 5, "person", now.minus(Duration.ofMinutes(10)), null, 0.6, 0.6,
                new double[] {1, 2, 3, 4}, List.of(), List.of(), false, null, null));
        store.flush();
        return store;
    }

    private static void add(EventStore store, ObjectEvent e) {
        store.onEvent(new EventChange(EventType.NEW, null, e));
    }

    private static Path write(Path file, int bytes, Instant modified) throws Exception {
        Files.createDirectories(file.getParent());
        byte[] content = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            content[i] = (byte) (i * 31);
        }
        Files.write(file, content);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void takesTheStorageFolderFromTheConfigurationFile() throws Exception {
        try (EventStore store = populated()) {
            Path config = exports.resolve("lookout.yml");
            Files.writeString(config, "storage: " + storage + "\ncameras:\n  gate:\n    source: "
                    + TestData.projectDir().resolve("assets/demo.mp4") + "\n    watch: [person]\n");
            CliRun run = CliRun.of("events", "--config", config.toString(), "--json", "--camera", "gate");
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals(2, run.out().lines().count(), run.out());
            Files.writeString(config, "storage: " + storage + "\ncamras: {}\n");
            CliRun bad = CliRun.of("events", "--config", config.toString());
            assertEquals(2, bad.exitCode(), bad.toString());
            assertTrue(bad.err().contains("run 'lookout check-config"), bad.err());
        }
    }

    @Test
    void listsATableAndJsonLinesWithFiltersBesideARunningWriter() throws Exception {
        try (EventStore store = populated()) {
            CliRun table = CliRun.of("events", "--storage", storage.toString());
            assertEquals(0, table.exitCode(), table.toString());
            List<String> lines = table.out().lines().toList();
            assertEquals(4, lines.size(), table.out());
            assertTrue(lines.get(0).startsWith("START") && lines.get(0).contains("CAMERA"), lines.get(0));
            assertTrue(lines.get(1).contains("gate-2") && lines.get(1).contains(" open "), lines.get(1));
            assertTrue(lines.get(3).contains("gate-1") && lines.get(3).contains("1:15")
                    && lines.get(3).contains("0.91") && lines.get(3).contains("gate-1.mp4"), lines.get(3));

            CliRun json = CliRun.of("events", "--storage", storage.toString(), "--json");
            List<JsonNode> events = json.jsonLines();
            assertEquals(List.of("gate-2", "yard-1", "gate-1"), events.stream().map(e -> e.get("id").asText()).toList());
            JsonNode gate1 = events.get(2);
            for (String field : List.of("id", "camera", "class", "start", "end", "snapshot", "clip")) {
                assertTrue(gate1.has(field), field);
            }
            assertEquals("person", gate1.get("class").asText());
            assertEquals(now.minus(Duration.ofHours(3)).plusSeconds(75).toString(), gate1.get("end").asText());
            assertTrue(Files.isRegularFile(Path.of(gate1.get("clip").asText())));
            assertTrue(events.get(0).get("end").isNull());
            assertTrue(events.get(1).get("clip").isNull());

            assertEquals(List.of("gate-2", "gate-1"), ids("--camera", "gate", "--class", "person"));
            assertEquals(List.of("gate-2", "yard-1"), ids("--since", "2h"));
            assertEquals(List.of("gate-2"), ids("--limit", "1"));
            assertEquals(List.of(), ids("--class", "dog"));
            assertEquals("no events match", CliRun.of("events", "--storage", storage.toString(), "--class", "dog")
                    .out().strip());
        }
    }

    @Test
    void exportCopiesClipAndSnapshotWithoutOverwriting() throws Exception {
        try (EventStore store = populated()) {
            Path target = exports.resolve("out");
            CliRun first = CliRun.of("events", "--storage", storage.toString(), "--export", "gate-1", target.toString());
            assertEquals(0, first.exitCode(), first.toString());
            assertEquals(List.of(target.resolve("gate-1.mp4").toString(), target.resolve("gate-1.png").toString()),
                    first.out().lines().toList());
            Path clip = store.layout().folder(RecordingKind.CLIP, "gate").resolve("gate-1.mp4");
            assertArrayEquals(Files.readAllBytes(clip), Files.readAllBytes(target.resolve("gate-1.mp4")));

            CliRun second = CliRun.of("events", "--storage", storage.toString(), "--export", "gate-1", target.toString());
            assertEquals(0, second.exitCode(), second.toString());
            assertTrue(second.out().contains("gate-1-2.mp4") && second.out().contains("gate-1-2.png"), second.out());
            assertArrayEquals(Files.readAllBytes(clip), Files.readAllBytes(target.resolve("gate-1.mp4")));

            CliRun nothing = CliRun.of("events", "--storage", storage.toString(), "--export", "yard-1",
                    target.toString());
            assertEquals(1, nothing.exitCode());
            assertTrue(nothing.err().contains("event 'yard-1' has no clip or snapshot"), nothing.err());
        }
    }

    @Test
    void badInputGetsOneLineAndAnExitCode() throws Exception {
        populated().close();
        CliRun unknown = CliRun.of("events", "--storage", storage.toString(), "--export", "nope", exports.toString());
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().startsWith("lookout events: no event 'nope' in "), unknown.err());

        CliRun missing = CliRun.of("events", "--storage", exports.resolve("nowhere").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().startsWith("lookout events: no event store in "), missing.err());
        assertFalse(Files.exists(exports.resolve("nowhere")), "reading creates nothing");

        Path junk = exports.resolve("junk");
        Files.createDirectories(junk);
        Files.writeString(junk.resolve("lookout.db"), "not a database at all, only text. ".repeat(40));
        CliRun unreadable = CliRun.of("events", "--storage", junk.toString());
        assertEquals(1, unreadable.exitCode());
        assertTrue(unreadable.err().startsWith("lookout events: cannot use the event store"), unreadable.err());

        CliRun since = CliRun.of("events", "--storage", storage.toString(), "--since", "yesterday");
        assertEquals(2, since.exitCode());
        assertTrue(since.err().contains("--since: 'yesterday' is not a time span like 90s"), since.err());

        CliRun noStore = CliRun.of("events");
        assertEquals(2, noStore.exitCode());
        assertTrue(noStore.err().contains("give --storage DIR"), noStore.err());

        for (CliRun run : List.of(unknown, missing, unreadable, since, noStore)) {
            assertFalse(run.err().contains("\tat "), run.err());
        }
    }

    @Test
    void pruneAppliesLimitsOnceAndRefusesWhileAnotherWriterHoldsTheStore() throws Exception {
        try (EventStore store = populated()) {
            CliRun busy = CliRun.of("events", "--storage", storage.toString(), "--prune", "--max-size", "1B");
            assertEquals(1, busy.exitCode());
            assertTrue(busy.err().contains("already open") || busy.err().contains("in use"), busy.err());
        }
        CliRun badAge = CliRun.of("events", "--storage", storage.toString(), "--prune", "--max-age", "clips=1d");
        assertEquals(2, badAge.exitCode());
        assertTrue(badAge.err().contains("'clips' is not a kind of file"), badAge.err());

        CliRun prune = CliRun.of("events", "--storage", storage.toString(), "--prune", "--max-age", "clip=2h");
        assertEquals(0, prune.exitCode(), prune.toString());
        assertTrue(prune.out().startsWith("deleted 0 continuous recordings, 1 clips, 0 snapshots"), prune.out());
        assertFalse(Files.exists(new StorageLayout(storage).folder(RecordingKind.CLIP, "gate").resolve("gate-1.mp4")));
        List<JsonNode> after = CliRun.of("events", "--storage", storage.toString(), "--json").jsonLines();
        assertTrue(after.get(2).get("clip").isNull(), "the event no longer links its deleted clip");
        assertTrue(after.get(0).get("end_unknown").asBoolean(), "gate-2 was left open: closed on reopening");
    }

    @Test
    void untilZoneAndLineFilterTheListing() throws Exception {
        try (EventStore store = populated()) {
            assertEquals(List.of("gate-1"), ids("--until", "2h"));
            assertEquals(List.of("yard-1", "gate-1"), ids("--since", "4h", "--until", "30m"));
            assertEquals(List.of("yard-1"), ids("--since", "2h", "--until",
                    now.minus(Duration.ofMinutes(30)).toString()));
            assertEquals(List.of("yard-1", "gate-1"), ids("--zone", "drive"));
            assertEquals(List.of("yard-1"), ids("--zone", "lawn"));
            assertEquals(List.of("gate-1"), ids("--line", "gate"));
            assertEquals(List.of("yard-1"), ids("--line", "fence"));
            assertEquals(List.of("gate-1"), ids("--line", "gate:in"));
            assertEquals(List.of(), ids("--line", "gate:out"), "one direction only");
            assertEquals("", CliRun.of("events", "--storage", storage.toString(), "--line", "gate:out").err(),
                    "the line exists: nothing to correct");

            CliRun backwards = CliRun.of("events", "--storage", storage.toString(), "--since", "1h", "--until", "2h");
            assertEquals(2, backwards.exitCode(), backwards.toString());
            assertTrue(backwards.err().contains("--until 2h") && backwards.err().contains("is not after --since 1h"),
                    backwards.err());
            CliRun badUntil = CliRun.of("events", "--storage", storage.toString(), "--until", "noon");
            assertEquals(2, badUntil.exitCode());
            assertTrue(badUntil.err().contains("--until: 'noon' is not a time span"), badUntil.err());
        }
    }

    @Test
    void unknownClassIsAUsageErrorWithTheClosestName() throws Exception {
        try (EventStore store = populated()) {
            CliRun typo = CliRun.of("events", "--storage", storage.toString(), "--class", "persn");
            assertEquals(2, typo.exitCode(), typo.toString());
            assertTrue(typo.err().startsWith("lookout events: --class: unknown class 'persn'; did you mean person?"),
                    typo.err());
            CliRun far = CliRun.of("events", "--storage", storage.toString(), "--class", "spaceship", "--json");
            assertEquals(2, far.exitCode(), far.toString());
            assertTrue(far.err().contains("unknown class 'spaceship' (Coco-SSD's classes are COCO's 80")
                    && far.err().contains("this store holds car, person"), far.err());
            assertEquals("", far.out());
        }
    }

    @Test
    void absentCameraZoneLineOrClassIsANoteNamingWhatTheStoreHolds() throws Exception {
        try (EventStore store = populated()) {
            CliRun camera = CliRun.of("events", "--storage", storage.toString(), "--camera", "nope");
            assertEquals(0, camera.exitCode(), camera.toString());
            assertEquals("no events match", camera.out().strip());
            assertEquals("lookout events: no camera 'nope' in this store (cameras: gate, yard)", camera.err().strip());

            CliRun close = CliRun.of("events", "--storage", storage.toString(), "--camera", "gat", "--json");
            assertEquals(0, close.exitCode(), close.toString());
            assertEquals("", close.out(), "JSON output stays clean: the note is on stderr");
            assertTrue(close.err().contains("no camera 'gat' in this store (cameras: gate, yard); did you mean gate?"),
                    close.err());

            CliRun dog = CliRun.of("events", "--storage", storage.toString(), "--class", "dog");
            assertEquals(0, dog.exitCode(), dog.toString());
            assertTrue(dog.err().contains("no 'dog' events in this store (classes: car, person)"), dog.err());

            CliRun zone = CliRun.of("events", "--storage", storage.toString(), "--zone", "lwn", "--line", "gate");
            assertEquals(0, zone.exitCode(), zone.toString());
            assertTrue(zone.err().contains("no zone 'lwn' in this store (zones: drive, lawn); did you mean lawn?"),
                    zone.err());
            assertFalse(zone.err().contains("line"), "the line exists: no note about it: " + zone.err());
            CliRun line = CliRun.of("events", "--storage", storage.toString(), "--line", "door");
            assertTrue(line.err().contains("no line 'door' in this store (lines: fence, gate)"), line.err());

            CliRun bothExist = CliRun.of("events", "--storage", storage.toString(), "--camera", "yard", "--line",
                    "gate");
            assertEquals("no events match", bothExist.out().strip());
            assertEquals("", bothExist.err(), "each name exists, only not together: nothing to correct");
        }
    }

    @Test
    void exportWritesClipAndSnapshotWithOneMode() throws Exception {
        try (EventStore store = populated()) {
            // as the store has them: the snapshot written through a private temporary file, the clip readable
            Files.setPosixFilePermissions(store.layout().folder(RecordingKind.SNAPSHOT, "gate").resolve("gate-1.png"),
                    PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(storage, PosixFilePermissions.fromString("rwxr-xr-x"));
            CliRun shared = CliRun.of("events", "--storage", storage.toString(), "--export", "gate-1",
                    exports.resolve("shared").toString());
            assertEquals(0, shared.exitCode(), shared.toString());
            for (String copy : shared.out().lines().toList()) {
                assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(copy))),
                        copy);
            }
            Files.setPosixFilePermissions(storage, PosixFilePermissions.fromString("rwx------"));
            CliRun kept = CliRun.of("events", "--storage", storage.toString(), "--export", "gate-1",
                    exports.resolve("kept").toString());
            assertEquals(0, kept.exitCode(), kept.toString());
            assertEquals(2, kept.out().lines().count(), kept.out());
            for (String copy : kept.out().lines().toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(copy))),
                        copy + ": the store is private, so is its export");
            }
        }
    }

    private List<String> ids(String... filters) throws Exception {
        String[] args = new String[filters.length + 4];
        args[0] = "events";
        args[1] = "--storage";
        args[2] = storage.toString();
        args[3] = "--json";
        System.arraycopy(filters, 0, args, 4, filters.length);
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.toString());
        return run.jsonLines().stream().map(e -> e.get("id").asText()).toList();
    }
}
