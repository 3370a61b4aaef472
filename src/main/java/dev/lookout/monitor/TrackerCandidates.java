package dev.lookout.monitor;

import dev.lookout.config.CameraConfig;
import dev.lookout.detect.DetectOptions;
import java.util.HashSet;

/**
 * What the detector hands a camera's tracker: ByteTrack's low-score candidates (score 0.1 and up, up to 100 boxes,
 * IoU 0.5), as {@code detect --track} does (see the README's tracking section), limited to the camera's classes.
 * The camera's {@code min_score} is not a detection cut: low-score boxes keep known objects tracked through
 * occlusion, and new tracks need the tracker's own higher score.
 */
final class TrackerCandidates {

    static final int BOXES = 100;
    static final double SCORE = 0.1;
    static final double IOU = 0.5;

    private TrackerCandidates() {
    }

    static DetectOptions options(CameraConfig camera) {
        return new DetectOptions(BOXES, SCORE, IOU, new HashSet<>(camera.classes()), 0);
    }
}
