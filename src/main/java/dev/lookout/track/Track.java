package dev.lookout.track;

import dev.lookout.detect.Detection;

/**
 * A confirmed track as seen in one frame: the detection it took in that frame.
 *
 * @param id the track's number, 1, 2, 3... in order of confirmation; never reused within a tracker
 * @param detection the detection of this frame that belongs to the track (its box, class and score)
 * @param detectionIndex where {@code detection} is in the list given to {@link Tracker#update}
 * @param stationary true while the track has barely moved for the configured time
 * @param firstSeen the time (seconds) of the track's first detection
 * @param firstDetection the track's first detection (before it was confirmed), where its path starts
 */
public record Track(long id, Detection detection, int detectionIndex, boolean stationary, double firstSeen,
        Detection firstDetection) {

    /** The class of the tracked object. */
    public String className() {
        return detection.className();
    }

    /** The reference point's x: the bottom centre of the box, where an object touches the ground. */
    public double footX() {
        return detection.x() + detection.width() / 2;
    }

    /** The reference point's y: the bottom edge of the box. */
    public double footY() {
        return detection.bottom();
    }
}
