package dev.lookout.track.events;

import dev.lookout.track.Track;

/**
 * What {@link TrackEvents} knows of a watched track whose event has not opened yet: when it was first seen, how
 * many detections it had, its last {@value EventGate#HISTORY} scores, and since when it meets the rules' required
 * zones or lines. Bounded: a track that never qualifies keeps only its recent scores.
 */
final class Sightings {

    final double firstSeen;
    private final double[] recent = new double[EventGate.HISTORY];
    private int detections;
    private double topScore;
    /** When the object first entered a required zone or crossed a required line; NaN until then. */
    double requiredSince = Double.NaN;

    /** The track as first reported at {@code now}: its unreported first sighting counts when it was earlier. */
    Sightings(Track first, double now) {
        firstSeen = first.firstSeen();
        if (first.firstSeen() < now) {
            add(first.firstDetection().score());
        }
    }

    /** The track has a detection in the frame at hand. */
    void saw(Track t) {
        add(t.detection().score());
    }

    boolean passes(EventGate gate, double now) {
        int n = Math.min(detections, recent.length);
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = recent[(detections - n + i) % recent.length];
        }
        return gate.passes(firstSeen, now, detections, scores);
    }

    /** The highest score so far. */
    double topScore() {
        return topScore;
    }

    private void add(double score) {
        recent[detections % recent.length] = score;
        detections++;
        topScore = Math.max(topScore, score);
    }
}
