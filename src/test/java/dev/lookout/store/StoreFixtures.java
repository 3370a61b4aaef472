package dev.lookout.store;

import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Real events and real files for the store's tests. */
final class StoreFixtures {

    private StoreFixtures() {
    }

    static ObjectEvent event(String id, String camera, String cls, Instant start, Instant end, double top, Path clip,
            Path snapshot) {
        return new ObjectEvent(id, camera, 7, cls, start, end, top * 0.9, top, new double[] {1, 2, 30, 40},
                List.of("drive"), List.of("gate:in"), false, snapshot, clip);
    }

    static EventChange created(ObjectEvent e) {
        return new EventChange(EventType.NEW, null, e);
    }

    static EventChange changed(ObjectEvent before, ObjectEvent after) {
        return new EventChange(after.end() == null ? EventType.UPDATE : EventType.END, before, after);
    }

    /** A file of {@code bytes} random bytes, last modified at {@code modified}. */
    static Path file(Path path, int bytes, Instant modified) throws IOException {
        Files.createDirectories(path.getParent());
        byte[] content = new byte[bytes];
        new Random(path.hashCode()).nextBytes(content);
        Files.write(path, content);
        Files.setLastModifiedTime(path, FileTime.from(modified));
        return path;
    }

    /** The regular files under the managed folders, relative to the storage folder. */
    static List<String> managedFiles(StorageLayout layout) throws IOException {
        List<String> files = new ArrayList<>();
        for (RecordingKind kind : RecordingKind.values()) {
            if (Files.isDirectory(layout.folder(kind))) {
                try (Stream<Path> walk = Files.walk(layout.folder(kind))) {
                    walk.filter(Files::isRegularFile).map(layout::stored).forEach(files::add);
                }
            }
        }
        files.sort(null);
        return files;
    }

    /** Every recording row's file, relative to the storage folder, sorted. */
    static List<String> recordingRows(StoreReader reader, String... cameras) throws StoreException {
        List<String> rows = new ArrayList<>();
        for (String camera : cameras) {
            for (Recording r : reader.recordings(camera, Instant.EPOCH, Instant.parse("2999-01-01T00:00:00Z"))) {
                rows.add(reader.layout().stored(r.file()));
            }
        }
        rows.sort(null);
        return rows;
    }
}
