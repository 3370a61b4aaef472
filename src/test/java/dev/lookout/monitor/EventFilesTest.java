package dev.lookout.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import dev.lookout.record.MonitorEvent;
import dev.lookout.store.EventStore;
import dev.lookout.store.StoreOptions;
import dev.lookout.store.StoredEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clips of object events, which appear out of step with their changes, through a real store: an event new
 * before its clip starts, and ended before the clip is final, ends up with the clip in its row; a later change
 * without files never erases it. A presence's snapshot never becomes an event's: events have their own
 * ({@link EventSnapshots}).
 */
class EventFilesTest {

    @Test
    void anEventNewBeforeItsClipAndEndedBeforeItIsFinalGetsTheClipAndNoPresenceSnapshot(@TempDir Path dir)
            throws Exception {
        Path clip = file(dir, "data/clips/gate/clip.mp4");
        Path first = file(dir, "data/snapshots/gate/first.png");
        Path best = file(dir, "data/snapshots/gate/best.png");
        try (EventStore store = EventStore.open(StoreOptions.defaults(dir.resolve("data")))) {
            EventFiles files = new EventFiles(store, Duration.ofSeconds(3), Duration.ofSeconds(5));
            Instant t0 = Instant.now();
            ObjectEvent open = event(t0, null);
            EventChange created = files.attach(new EventChange(EventType.NEW, null, open), null);
            assertNull(created.after().clip(), "no clip yet");
            store.onEvent(created);
            files.passed(created);

            MonitorEvent started = new MonitorEvent(1, OffsetDateTime.now(), null, 0, Set.of("person"), 0.9, clip,
                    first, null);
            files.filesKnown(started);
            ObjectEvent ended = event(t0, t0.plusSeconds(2));
            // the record package's event is over (post-roll) but its clip is not final yet: no open event
            EventChange end = files.attach(new EventChange(EventType.END, open, ended), null);
            assertEquals(clip, end.after().clip(), "the clip known since its start stays with the event");
            assertNull(end.after().snapshot(), "the presence's snapshot is not this event's");
            store.onEvent(end);
            files.passed(end);

            files.filesKnown(new MonitorEvent(1, started.started(), OffsetDateTime.now(), 0, Set.of("person"), 0.95,
                    clip, best, null));
            assertEquals(0, files.remembered(), "an ended event whose clip is final is forgotten");
            // a late change without files (as the tracker sends them) does not erase the row's files
            store.onEvent(new EventChange(EventType.END, open, ended));
            store.flush();
            StoredEvent row = store.reader().event(ended.id()).orElseThrow();
            assertEquals(clip, row.event().clip());
            assertNull(row.event().snapshot());
        }
    }

    @Test
    void anEventLongOverGetsNoLaterClip(@TempDir Path dir) throws Exception {
        Path clip = file(dir, "data/clips/gate/clip.mp4");
        try (EventStore store = EventStore.open(StoreOptions.defaults(dir.resolve("data")))) {
            EventFiles files = new EventFiles(store, Duration.ofSeconds(3), Duration.ofSeconds(5));
            Instant long_ago = Instant.now().minusSeconds(60);
            ObjectEvent e = event(long_ago, long_ago.plusSeconds(1));
            pass(store, files, files.attach(new EventChange(EventType.END, e, e), null));
            files.filesKnown(new MonitorEvent(1, OffsetDateTime.now(), null, 0, Set.of("person"), 0.9, clip, null,
                    null));
            store.flush();
            assertNull(store.reader().event(e.id()).orElseThrow().event().clip(),
                    "a clip that starts after the event and its pre-roll does not show it");
        }
    }

    @Test
    void anEventThatMissedTheStartOfItsClipGetsItWhenTheClipEnds(@TempDir Path dir) throws Exception {
        Path clip = file(dir, "data/clips/gate/clip.mp4");
        Path best = file(dir, "data/snapshots/gate/best.png");
        try (EventStore store = EventStore.open(StoreOptions.defaults(dir.resolve("data")))) {
            EventFiles files = new EventFiles(store, Duration.ofSeconds(3), Duration.ofSeconds(5));
            OffsetDateTime clipStart = OffsetDateTime.now().minusSeconds(30);
            Instant t0 = clipStart.toInstant().plusSeconds(10);
            ObjectEvent e = event(t0, t0.plusSeconds(5));
            // the record package's open event was not found when this event's changes came (none passed in)
            pass(store, files, files.attach(new EventChange(EventType.NEW, null, event(t0, null)), null));
            pass(store, files, files.attach(new EventChange(EventType.END, event(t0, null), e), null));
            files.filesKnown(new MonitorEvent(4, clipStart, OffsetDateTime.now(), 0, Set.of("person"), 0.9, clip,
                    best, null));
            store.flush();
            ObjectEvent row = store.reader().event(e.id()).orElseThrow().event();
            assertEquals(clip, row.clip(), "the clip that recorded while the event happened");
            assertNull(row.snapshot());
            assertEquals(0, files.remembered());
        }
    }

    @Test
    void eachEventKnowsItsSpanInASharedClipFromItsPreRollToItsPostRoll(@TempDir Path dir) throws Exception {
        Path clip = file(dir, "data/clips/gate/clip.mp4");
        try (EventStore store = EventStore.open(StoreOptions.defaults(dir.resolve("data")))) {
            EventFiles files = new EventFiles(store, Duration.ofSeconds(3), Duration.ofSeconds(5));
            OffsetDateTime clipStart = OffsetDateTime.now().minusSeconds(60);
            MonitorEvent recording = new MonitorEvent(1, clipStart.plusSeconds(3), null, 0, Set.of("person"), 0.9,
                    clip, null, null, clipStart);
            files.filesKnown(recording);
            Instant t0 = clipStart.toInstant().plusSeconds(20);
            ObjectEvent open = event(t0, null);
            EventChange created = files.attach(new EventChange(EventType.NEW, null, open), recording);
            store.onEvent(created);
            files.passed(created);
            ObjectEvent ended = event(t0, t0.plusSeconds(4));
            EventChange end = files.attach(new EventChange(EventType.END, open, ended), recording);
            store.onEvent(end);
            files.passed(end);
            store.flush();
            StoredEvent row = store.reader().event(ended.id()).orElseThrow();
            assertEquals(clip, row.event().clip());
            assertEquals(Duration.ofSeconds(17), row.clipFrom(), "20 s into the clip, less the 3 s pre-roll");
            assertEquals(Duration.ofSeconds(29), row.clipTo(), "its end at 24 s, plus the 5 s post-roll");
            assertEquals(17.0, row.json().get("clip_from").asDouble());
            assertEquals(29.0, row.json().get("clip_to").asDouble());
        }
    }

    /** What EventClips does with each change: to the store, then its span. */
    private static void pass(EventStore store, EventFiles files, EventChange change) {
        store.onEvent(change);
        files.passed(change);
    }

    private static ObjectEvent event(Instant start, Instant end) {
        return new ObjectEvent("gate-1", "gate", 1, "person", start, end, 0.9, 0.9, new double[] {1, 2, 3, 4},
                List.of(), List.of(), false, null, null);
    }

    private static Path file(Path dir, String relative) throws Exception {
        Path f = dir.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.write(f, new byte[] {1, 2, 3});
        return f;
    }
}
