package dev.lookout.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.event.ObjectEvent;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link EventJournal}: fixed size, the newest whole copy survives a torn write, what does not fit is counted. */
class EventJournalTest {

    @TempDir
    Path dir;

    private static ObjectEvent event(int i, Instant end) {
        return new ObjectEvent("cam-" + i, "cam", i, "person", Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i),
                end, 0.7, 0.9, new double[] {1.5, 2, 30, 40}, List.of("yard"), List.of("gate:in"), i % 2 == 0,
                Path.of("snapshots/cam/" + i + ".jpg"), null);
    }

    @Test
    void eventsComeBackAsTheyWereSavedAfterTheFileIsReopened() throws Exception {
        Path file = dir.resolve("lookout.journal");
        List<ObjectEvent> saved = List.of(event(1, null), event(2, Instant.parse("2026-12-01T10:00:09Z")));
        try (EventJournal journal = EventJournal.open(file, EventJournal.MIN_BYTES)) {
            assertEquals(EventJournal.MIN_BYTES, Files.size(file), "made whole when opened");
            assertFalse(journal.holdsEvents());
            assertEquals(2, journal.save(saved));
        }
        try (EventJournal journal = EventJournal.open(file, EventJournal.MIN_BYTES)) {
            assertTrue(journal.holdsEvents());
            List<ObjectEvent> read = journal.events();
            assertEquals(2, read.size());
            for (int i = 0; i < 2; i++) {
                ObjectEvent a = saved.get(i);
                ObjectEvent b = read.get(i);
                assertEquals(List.of(a.id(), a.start(), String.valueOf(a.end()), a.zones(), a.lines(), a.snapshot(),
                        a.stationary(), a.topScore()), List.of(b.id(), b.start(), String.valueOf(b.end()), b.zones(),
                        b.lines(), b.snapshot(), b.stationary(), b.topScore()));
                assertEquals(a.box()[0], b.box()[0]);
            }
            journal.clear();
        }
        try (EventJournal journal = EventJournal.open(file, EventJournal.MIN_BYTES)) {
            assertFalse(journal.holdsEvents());
            assertTrue(journal.events().isEmpty());
            assertEquals(EventJournal.MIN_BYTES, Files.size(file), "the size stays: no new space is ever needed");
        }
    }

    @Test
    void aTornWriteLeavesThePreviousCopy() throws Exception {
        Path file = dir.resolve("lookout.journal");
        try (EventJournal journal = EventJournal.open(file, EventJournal.MIN_BYTES)) {
            journal.save(List.of(event(1, null)));
            journal.save(List.of(event(1, null), event(2, null)));
        }
        // the second save (sequence 2) went to the first half: damage its payload as a crash mid-write would
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(24 + 10);
            raf.write('#');
        }
        try (EventJournal journal = EventJournal.open(file, EventJournal.MIN_BYTES)) {
            assertEquals(List.of("cam-1"), journal.events().stream().map(ObjectEvent::id).toList());
        }
    }

    @Test
    void moreEventsThanFitAreCountedNotWrittenHalf() throws Exception {
        List<ObjectEvent> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(event(i, null));
        }
        try (EventJournal journal = EventJournal.open(dir.resolve("j"), EventJournal.MIN_BYTES)) {
            int kept = journal.save(many);
            assertTrue(kept > 20 && kept < 1000, "kept " + kept);
            assertEquals(many.subList(0, kept).stream().map(ObjectEvent::id).toList(),
                    journal.events().stream().map(ObjectEvent::id).toList());
        }
    }
}
