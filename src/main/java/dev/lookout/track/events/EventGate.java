package dev.lookout.track.events;

import java.util.Arrays;

/**
 * When a watched track is established enough to become an object event: Frigate's {@code min_initialized} and
 * {@code threshold} in one rule. A confirmed track is only two sightings old; Coco-SSD's fragments and its
 * passing guesses make many such tracks that vanish within a second, and each made an event. So an event opens
 * only once its track has been followed for {@code minSeconds} (of the frames' own timestamps, from its first
 * sighting) over at least {@code minDetections} detections, and the median score of its last {@value #HISTORY}
 * detections is at least {@code threshold}. The event's start is still the track's first sighting.
 *
 * @param minSeconds the least time from the track's first sighting to now, in seconds (0: none)
 * @param minDetections the least number of frames the track has a detection in (its first included; at least 1)
 * @param threshold the least median score of the track's last {@value #HISTORY} detections, 0..1
 */
public record EventGate(double minSeconds, int minDetections, double threshold) {

    /** How many of a track's most recent scores the median is taken over (Frigate: 10). */
    public static final int HISTORY = 10;

    /** Every confirmed track at once: the rule before the gate, for tests and comparisons. */
    public static final EventGate NONE = new EventGate(0, 1, 0);

    /** Lookout's defaults, measured on vtest.avi (see docs/PERFORMANCE.md). */
    public static final EventGate DEFAULTS = new EventGate(1, 3, 0.5);

    /** Checks the ranges. */
    public EventGate {
        if (!(minSeconds >= 0) || Double.isInfinite(minSeconds)) {
            throw new IllegalArgumentException("minSeconds must be 0 or more, not " + minSeconds);
        }
        if (minDetections < 1) {
            throw new IllegalArgumentException("minDetections must be at least 1, not " + minDetections);
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be from 0 to 1, not " + threshold);
        }
    }

    /**
     * True when a track first seen at {@code firstSeen}, now at {@code now}, with {@code detections} sightings and
     * these recent scores (at most {@value #HISTORY}, oldest first) may open its event.
     */
    public boolean passes(double firstSeen, double now, int detections, double[] recentScores) {
        return now - firstSeen >= minSeconds - 1e-9 && detections >= minDetections
                && median(recentScores) >= threshold;
    }

    /** The median of {@code scores}, or 0 for none. */
    static double median(double[] scores) {
        if (scores.length == 0) {
            return 0;
        }
        double[] s = scores.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
