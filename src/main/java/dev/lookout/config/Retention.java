package dev.lookout.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long recorded files are kept and how much disk they may use. When the storage folder reaches
 * {@code maxSize} or the disk's free space falls under {@code minFree}, the oldest continuous recordings are
 * deleted first, then the oldest event clips; files of open events never are.
 *
 * @param maxSize cap on the storage folder's total size; empty for no cap (then only {@code minFree} applies)
 * @param minFree free space to leave on the storage folder's disk
 * @param clips how long event clips are kept
 * @param snapshots how long snapshots are kept
 * @param continuous how long continuous recordings are kept
 */
public record Retention(Optional<DataSize> maxSize, DataSize minFree, Duration clips, Duration snapshots,
        Duration continuous) {

    /** No size cap, 1GB free, clips 14 days, snapshots 30 days, continuous recordings 3 days. */
    public static final Retention DEFAULTS = new Retention(Optional.empty(), DataSize.gigabytes(1),
            Duration.ofDays(14), Duration.ofDays(30), Duration.ofDays(3));

    public Retention {
        Objects.requireNonNull(maxSize, "maxSize");
        Objects.requireNonNull(minFree, "minFree");
        Objects.requireNonNull(clips, "clips");
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(continuous, "continuous");
    }

    /** These limits with a camera's own ages where it sets them. */
    public Retention forCamera(CameraRetention own) {
        return new Retention(maxSize, minFree, own.clips().orElse(clips), own.snapshots().orElse(snapshots),
                own.continuous().orElse(continuous));
    }
}
