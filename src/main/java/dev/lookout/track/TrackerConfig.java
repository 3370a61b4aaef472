package dev.lookout.track;

/**
 * The tracker's thresholds, ByteTrack's published defaults unless tuned.
 *
 * @param highScore detections at or above this score take part in the first association (Lookout 0.5, Ultralytics 0.25)
 * @param lowScore detections above this and below {@code highScore} take part in the second association (0.1)
 * @param newTrackScore a detection left over must score at least this to start a track (Lookout 0.6, Ultralytics 0.25)
 * @param lostSeconds a lost track is kept this long for re-identification, then removed (30 frames at 30 fps)
 * @param matchThreshold the highest cost {@code 1 − IoU·score} of a first-association pair (0.8)
 * @param stationarySeconds a track whose centre stays within {@code stationaryMotion} for this long is stationary
 * @param stationaryMotion how far the centre may wander and still count as still, as a fraction of box height
 */
public record TrackerConfig(double highScore, double lowScore, double newTrackScore, double lostSeconds,
        double matchThreshold, double stationarySeconds, double stationaryMotion) {

    /**
     * Ultralytics' ByteTrack defaults (high 0.25, low 0.1, new track 0.25, 30 frames at 30 fps, match 0.8), the
     * published starting point.
     */
    public static final TrackerConfig ULTRALYTICS = new TrackerConfig(0.25, 0.1, 0.25,
            30 / MotionFilter.REFERENCE_FPS, 0.8, 10, 0.2);

    /**
     * Lookout's defaults, tuned for Coco-SSD: ByteTrack paper's high 0.5 and new track 0.6 (0.5 is also TF.js's
     * default min score). With Ultralytics' 0.25, Coco-SSD's 0.25–0.5 guesses started tracks of their own (vtest.avi:
     * 220 tracks, 94 shorter than 10 frames, one 30 % "person" box over half the frame; with these: 121 and 35);
     * the synthetic scenes score about the same with both (IDF1 0.92–0.93). Stationary after 10 s within a
     * fifth of the box's height.
     */
    public static final TrackerConfig DEFAULTS = new TrackerConfig(0.5, 0.1, 0.6, 30 / MotionFilter.REFERENCE_FPS,
            0.8, 10, 0.2);

    /** Checks the ranges. */
    public TrackerConfig {
        if (!(lowScore >= 0 && lowScore <= highScore && highScore <= 1)) {
            throw new IllegalArgumentException("need 0 ≤ lowScore ≤ highScore ≤ 1, got " + lowScore + ", " + highScore);
        }
        if (!(newTrackScore >= 0 && newTrackScore <= 1)) {
            throw new IllegalArgumentException("newTrackScore must be in [0, 1], not " + newTrackScore);
        }
        if (!(lostSeconds >= 0) || !(stationarySeconds > 0) || !(stationaryMotion >= 0)) {
            throw new IllegalArgumentException("lostSeconds, stationarySeconds and stationaryMotion must be positive");
        }
        if (!(matchThreshold > 0 && matchThreshold <= 1)) {
            throw new IllegalArgumentException("matchThreshold must be in (0, 1], not " + matchThreshold);
        }
    }

    /** A copy with another stationary time. */
    public TrackerConfig withStationarySeconds(double seconds) {
        return new TrackerConfig(highScore, lowScore, newTrackScore, lostSeconds, matchThreshold, seconds,
                stationaryMotion);
    }
}
