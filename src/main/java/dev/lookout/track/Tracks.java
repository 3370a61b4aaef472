package dev.lookout.track;

import java.util.List;

/**
 * What a tracker reports for one frame.
 *
 * @param time the frame's timestamp in seconds
 * @param active the confirmed tracks that have a detection in this frame, in the order of their detections
 * @param ended confirmed tracks removed at this frame (lost for longer than the buffer)
 */
public record Tracks(double time, List<Track> active, List<EndedTrack> ended) {

    public Tracks {
        active = List.copyOf(active);
        ended = List.copyOf(ended);
    }
}
