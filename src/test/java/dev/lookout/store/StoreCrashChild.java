package dev.lookout.store;

import dev.lookout.event.ObjectEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A process that writes a store as the monitor would until it is killed: events of camera {@code gate} that open
 * and end (two open at any time), each with a growing clip and a snapshot written through a temporary file, and a
 * continuous recording in segments. After each step it flushes and prints {@code FLUSHED <n>}; it never stops on
 * its own. Usage: {@code StoreCrashChild STORAGE}.
 */
public final class StoreCrashChild {

    private StoreCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        EventStore store = EventStore.open(StoreOptions.defaults(Path.of(args[0])));
        StorageLayout layout = store.layout();
        Path clips = Files.createDirectories(layout.folder(RecordingKind.CLIP, "gate"));
        Path snapshots = Files.createDirectories(layout.folder(RecordingKind.SNAPSHOT, "gate"));
        Path continuous = Files.createDirectories(layout.folder(RecordingKind.CONTINUOUS, "gate"));
        List<ObjectEvent> open = new ArrayList<>();
        Path segment = null;
        Path pendingSnapshot = null;
        for (int n = 0; ; n++) {
            Instant now = Instant.now();
            if (n % 5 == 0) {
                if (segment != null) {
                    store.recordingFinished(segment, now);
                }
                segment = continuous.resolve("cont-" + n + ".mp4");
                append(segment, 1000);
                store.addRecording(new Recording("gate", segment, RecordingKind.CONTINUOUS, now, null, 1000));
            }
            append(segment, 4000);
            Files.createFile(clips.resolve("gate-" + (n + 1) + ".mp4")); // the next clip's name, claimed empty
            Path clip = clips.resolve("gate-" + n + ".mp4");
            append(clip, 3000);
            if (pendingSnapshot != null) { // the previous step's snapshot, written aside, moved in place now
                Files.move(pendingSnapshot, snapshots.resolve("gate-" + (n - 1) + ".png"));
            }
            pendingSnapshot = snapshots.resolve(".gate-" + n + ".png" + n + ".tmp");
            append(pendingSnapshot, 2000);
            Path snapshot = n == 0 ? null : snapshots.resolve("gate-" + (n - 1) + ".png");
            ObjectEvent e = StoreFixtures.event("gate-" + n, "gate", "person", now, null, 0.7, clip, snapshot);
            store.onEvent(StoreFixtures.created(e));
            open.add(e);
            for (ObjectEvent o : List.copyOf(open)) {
                append(o.clip(), 3000); // open events' clips keep growing
            }
            if (open.size() > 2) {
                ObjectEvent first = open.remove(0);
                ObjectEvent ended = StoreFixtures.event(first.id(), "gate", "person", first.start(), now, 0.9,
                        first.clip(), first.snapshot());
                store.onEvent(StoreFixtures.changed(first, ended));
            }
            store.flush();
            System.out.println("FLUSHED " + n);
            System.out.flush();
            Thread.sleep(20);
        }
    }

    private static void append(Path file, int bytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(new byte[bytes]);
        }
    }
}
