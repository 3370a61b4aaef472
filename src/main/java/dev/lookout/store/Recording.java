package dev.lookout.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One file the store keeps track of: a continuous recording, an event clip or a snapshot.
 *
 * @param file absolute path
 * @param end when the file stopped covering the camera, or {@code null} while it is still being written
 * @param size bytes, as last measured
 */
public record Recording(String camera, Path file, RecordingKind kind, Instant start, Instant end, long size) {

    public Recording {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
    }
}
