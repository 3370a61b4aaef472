package dev.lookout.config;

import java.time.Duration;
import java.util.Optional;

/**
 * A camera's own retention ages; each one that is empty is taken from the global {@link Retention}.
 *
 * @param clips how long this camera's event clips are kept
 * @param snapshots how long its snapshots are kept
 * @param continuous how long its continuous recordings are kept
 */
public record CameraRetention(Optional<Duration> clips, Optional<Duration> snapshots, Optional<Duration> continuous) {

    /** No override: everything from the global retention. */
    public static final CameraRetention INHERIT = new CameraRetention(Optional.empty(), Optional.empty(),
            Optional.empty());

    /** True when the camera sets none of its own ages. */
    public boolean isInherit() {
        return clips.isEmpty() && snapshots.isEmpty() && continuous.isEmpty();
    }
}
