package dev.lookout.record;

import java.nio.file.Path;
import java.time.OffsetDateTime;

/**
 * The files of one snapshot.
 *
 * @param image the PNG with the overlay
 * @param rawImage the PNG without it, or {@code null} when not asked for
 * @param sidecar the JSON with time, source, frame number, size and detections
 * @param time when it was taken
 */
public record Snapshot(Path image, Path rawImage, Path sidecar, OffsetDateTime time) {
}
