package dev.lookout.track;

import dev.lookout.detect.Detection;
import java.util.List;

/** A multi-object tracker: gives the detections of successive frames their identities. Not thread-safe. */
public interface Tracker {

    /**
     * Takes one frame's detections (all candidates, whatever their score: the tracker applies its own
     * thresholds) and returns the confirmed tracks seen in it.
     *
     * @param timestampSeconds the frame's time; must not be earlier than the previous frame's
     * @throws IllegalArgumentException if the time goes backwards or is not finite
     */
    Tracks update(double timestampSeconds, List<Detection> detections);

    /** Ends every confirmed track still alive (the run is over) and returns them. */
    List<EndedTrack> finish();
}
