package dev.lookout.store;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the store keeps: a maximum age per kind of file, a cap on the storage folder's total size, and a floor of
 * free space on its disk. When the cap or the floor is reached, the oldest continuous recordings are deleted
 * first, then the oldest event clips, then the oldest snapshots. Files of open events, files still being written
 * and files changed within {@code settle} are never deleted.
 *
 * @param maxAge per kind; a kind without an entry is kept regardless of age
 * @param cameraMaxAge per camera and kind, where a camera keeps a kind longer or shorter than {@code maxAge} says
 * @param maxTotalBytes cap on the storage folder's total size (everything in it, the database included), 0: none
 * @param minFreeBytes free space to keep on the storage folder's disk, 0: none
 * @param interval how often the store applies the policy on its own
 * @param settle how long a file must be unchanged before it is indexed or deleted during a run (it may be growing)
 */
public record RetentionPolicy(Map<RecordingKind, Duration> maxAge,
        Map<String, Map<RecordingKind, Duration>> cameraMaxAge, long maxTotalBytes, long minFreeBytes,
        Duration interval, Duration settle) {

    /** Keep everything; check every 5 minutes; files settle after 60 s. */
    public static final RetentionPolicy KEEP_ALL =
            new RetentionPolicy(Map.of(), Map.of(), 0, 0, Duration.ofMinutes(5), Duration.ofSeconds(60));

    public RetentionPolicy {
        maxAge = checked(maxAge);
        Map<String, Map<RecordingKind, Duration>> perCamera = new HashMap<>();
        cameraMaxAge.forEach((camera, ages) -> perCamera.put(camera, checked(ages)));
        cameraMaxAge = Map.copyOf(perCamera);
        if (maxTotalBytes < 0 || minFreeBytes < 0) {
            throw new IllegalArgumentException("size limits must be 0 (none) or positive");
        }
        if (interval.isNegative() || interval.isZero() || settle.isNegative()) {
            throw new IllegalArgumentException("the interval must be positive and the settle time not negative");
        }
    }

    /** How long {@code camera}'s files of {@code kind} are kept, if they are not kept regardless of age. */
    public Optional<Duration> maxAge(String camera, RecordingKind kind) {
        Duration own = cameraMaxAge.getOrDefault(camera, Map.of()).get(kind);
        return Optional.ofNullable(own != null ? own : maxAge.get(kind));
    }

    /** This policy with {@code kind} kept for at most {@code age}. */
    public RetentionPolicy maxAge(RecordingKind kind, Duration age) {
        return new RetentionPolicy(with(maxAge, kind, age), cameraMaxAge, maxTotalBytes, minFreeBytes, interval,
                settle);
    }

    /** This policy with {@code camera}'s files of {@code kind} kept for at most {@code age}. */
    public RetentionPolicy maxAge(String camera, RecordingKind kind, Duration age) {
        Map<String, Map<RecordingKind, Duration>> perCamera = new HashMap<>(cameraMaxAge);
        perCamera.put(camera, with(cameraMaxAge.getOrDefault(camera, Map.of()), kind, age));
        return new RetentionPolicy(maxAge, perCamera, maxTotalBytes, minFreeBytes, interval, settle);
    }

    public RetentionPolicy maxTotalBytes(long bytes) {
        return new RetentionPolicy(maxAge, cameraMaxAge, bytes, minFreeBytes, interval, settle);
    }

    public RetentionPolicy minFreeBytes(long bytes) {
        return new RetentionPolicy(maxAge, cameraMaxAge, maxTotalBytes, bytes, interval, settle);
    }

    public RetentionPolicy interval(Duration value) {
        return new RetentionPolicy(maxAge, cameraMaxAge, maxTotalBytes, minFreeBytes, value, settle);
    }

    public RetentionPolicy settle(Duration value) {
        return new RetentionPolicy(maxAge, cameraMaxAge, maxTotalBytes, minFreeBytes, interval, value);
    }

    private static Map<RecordingKind, Duration> with(Map<RecordingKind, Duration> ages, RecordingKind kind,
            Duration age) {
        Map<RecordingKind, Duration> copy = new EnumMap<>(RecordingKind.class);
        copy.putAll(ages);
        copy.put(kind, age);
        return copy;
    }

    private static Map<RecordingKind, Duration> checked(Map<RecordingKind, Duration> ages) {
        for (Duration age : ages.values()) {
            if (age.isNegative() || age.isZero()) {
                throw new IllegalArgumentException("a maximum age must be positive, got " + age);
            }
        }
        return Map.copyOf(ages);
    }
}
