package dev.lookout.record;

import dev.lookout.detect.Detection;
import java.util.List;
import java.util.Set;

/**
 * Decides when a watched class is present, frame by frame: present after {@code framesToConfirm} consecutive
 * frames with a watched class (so one spurious detection starts nothing), absent once none was seen for
 * {@code postRollMicros} of media time (so a person briefly hidden does not split an event). Not thread-safe.
 */
public final class PresenceTracker {

    /** What a frame changed. */
    public enum Transition {
        /** Nothing: still idle, or still in an event. */
        NONE,
        /** This frame confirmed the presence: an event starts. */
        STARTED,
        /** Nothing watched was seen for the post-roll: the event ended before this frame. */
        ENDED
    }

    private final Set<String> watched;
    private final int framesToConfirm;
    private final long postRollMicros;
    private int consecutive;
    private boolean active;
    private long lastSeenMicros;

    /**
     * @param watched the class names to watch; empty watches every class
     * @param framesToConfirm consecutive frames needed to start an event (at least 1)
     * @param postRollMicros how long after the last sighting an event ends
     */
    public PresenceTracker(Set<String> watched, int framesToConfirm, long postRollMicros) {
        if (framesToConfirm < 1) {
            throw new IllegalArgumentException("framesToConfirm must be at least 1, not " + framesToConfirm);
        }
        if (postRollMicros < 0) {
            throw new IllegalArgumentException("the post-roll cannot be negative");
        }
        this.watched = Set.copyOf(watched);
        this.framesToConfirm = framesToConfirm;
        this.postRollMicros = postRollMicros;
    }

    /** True if {@code d} is of a watched class. */
    public boolean isWatched(Detection d) {
        return watched.isEmpty() || watched.contains(d.className());
    }

    /** True if any of {@code detections} is of a watched class. */
    public boolean anyWatched(List<Detection> detections) {
        for (Detection d : detections) {
            if (isWatched(d)) {
                return true;
            }
        }
        return false;
    }

    /** True between {@link Transition#STARTED} and {@link Transition#ENDED}. */
    public boolean active() {
        return active;
    }

    /** Feeds the next frame's detections (frames in time order) and says what changed. */
    public Transition update(long timestampMicros, List<Detection> detections) {
        boolean present = anyWatched(detections);
        if (active) {
            if (present) {
                lastSeenMicros = timestampMicros;
                return Transition.NONE;
            }
            if (timestampMicros - lastSeenMicros >= postRollMicros) {
                active = false;
                consecutive = 0;
                return Transition.ENDED;
            }
            return Transition.NONE;
        }
        consecutive = present ? consecutive + 1 : 0;
        if (consecutive >= framesToConfirm) {
            active = true;
            lastSeenMicros = timestampMicros;
            return Transition.STARTED;
        }
        return Transition.NONE;
    }
}
