package dev.lookout.track;

import dev.lookout.detect.Detection;
import dev.lookout.event.EventSink;
import dev.lookout.track.events.EventRules;
import dev.lookout.track.events.TrackEvents;
import dev.lookout.track.zones.CountEvent;
import dev.lookout.track.zones.CountingLine;
import dev.lookout.track.zones.RegionCounter;
import dev.lookout.track.zones.Zone;
import java.time.Instant;
import java.util.List;

/**
 * Tracking of one source from start to end: the tracker, its counting lines and zones, its object events and (if
 * wanted) its overlay, fed frame by frame. One instance per video or stream; not thread-safe.
 */
public final class TrackingSession {

    /**
     * What a tracked frame gave.
     *
     * @param tracks the tracks seen in the frame and those that ended
     * @param counts the count changes it made, in order
     */
    public record Step(Tracks tracks, List<CountEvent> counts) {
    }

    private final Tracker tracker;
    private final RegionCounter regions;
    private final TrackEvents events;
    private final TrackOverlay overlay;
    private double lastTime;

    /**
     * @param rules which tracks become events, or null for no events
     * @param origin the wall-clock time of the source's second 0 (for events)
     * @param sink where events go (ignored without {@code rules})
     * @param trailSeconds the overlay's trail length, or 0 for no overlay
     */
    public TrackingSession(TrackerConfig config, List<CountingLine> lines, List<Zone> zones, EventRules rules,
            Instant origin, EventSink sink, double trailSeconds) {
        this.tracker = new ByteTracker(config);
        this.regions = new RegionCounter(lines, zones);
        this.events = rules == null ? null : new TrackEvents(rules, origin, sink);
        this.overlay = trailSeconds > 0 ? new TrackOverlay(trailSeconds).withRegions(regions) : null;
    }

    /**
     * Tracks one frame of a {@code width × height} source.
     *
     * @throws IllegalArgumentException if {@code time} is before the previous frame's
     */
    public Step frame(double time, List<Detection> candidates, int width, int height) {
        Tracks tracks = tracker.update(time, candidates);
        lastTime = time;
        List<CountEvent> counts = regions.update(tracks, width, height);
        if (events != null) {
            events.update(tracks, counts);
        }
        if (overlay != null) {
            overlay.show(tracks);
        }
        return new Step(tracks, counts);
    }

    /** Ends the run: tracks still alive end (zones are left, events end); returns the changes it made. */
    public List<CountEvent> finish(int width, int height) {
        List<EndedTrack> ended = tracker.finish();
        List<CountEvent> counts = regions.isEmpty() ? List.of()
                : regions.update(new Tracks(lastTime, List.of(), ended), width, height);
        if (events != null) {
            events.finish(ended, lastTime);
        }
        return counts;
    }

    /**
     * Counts these lines and zones from the next frame on (they were edited); unchanged ones keep their counts.
     * Call on the thread that calls {@link #frame}.
     */
    public void setRegions(List<CountingLine> lines, List<Zone> zones) {
        regions.replace(lines, zones);
    }

    /** The overlay painter, or null when none was asked for. */
    public TrackOverlay overlay() {
        return overlay;
    }

    /** The lines' and zones' counters. */
    public RegionCounter regions() {
        return regions;
    }

    /** The detections of the frame's tracks, in the order of the candidates. */
    public static List<Detection> detections(Tracks tracks) {
        return tracks.active().stream().map(Track::detection).toList();
    }
}
