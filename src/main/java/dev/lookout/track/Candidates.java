package dev.lookout.track;

import dev.lookout.detect.DetectOptions;

/**
 * What the tracking path asks the detector for: ByteTrack's low-score candidates, up to {@value #BOXES} boxes
 * scoring above {@value #SCORE}, suppressed at an explicit IoU {@value #IOU} (TF.js would suppress at its min
 * score, 0.1, and leave almost no overlapping box). The user's class filter and minimum area still choose what is
 * tracked; the min score does not apply (the tracker has its own thresholds).
 */
public final class Candidates {

    public static final int BOXES = 100;
    public static final double SCORE = 0.1;
    public static final double IOU = 0.5;

    private Candidates() {
    }

    /** The detector query for tracking, keeping {@code user}'s classes and minimum area. */
    public static DetectOptions options(DetectOptions user) {
        return new DetectOptions(BOXES, SCORE, IOU, user.classes(), user.minArea());
    }
}
