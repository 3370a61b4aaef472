package dev.lookout.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Crossings of a line or entries into a zone, of one class, in one time bucket. Written one minute apart
 * ({@link CountRows}); read back summed over longer buckets or over all time.
 *
 * @param camera the camera's name
 * @param kind {@code line} or {@code zone}
 * @param name the line's or zone's name
 * @param direction {@code in} or {@code out} for a line, {@code entered} for a zone
 * @param className the COCO class
 * @param bucket the start of the bucket (or, for a single count being written, when it happened)
 * @param n how many
 */
public record StoredCount(String camera, String kind, String name, String direction, String className,
        Instant bucket, long n) {

    public static final String LINE = "line";
    public static final String ZONE = "zone";

    public StoredCount {
        Objects.requireNonNull(camera, "camera");
        if (!kind.equals(LINE) && !kind.equals(ZONE)) {
            throw new IllegalArgumentException("kind must be line or zone: " + kind);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(bucket, "bucket");
    }
}
