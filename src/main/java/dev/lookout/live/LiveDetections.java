package dev.lookout.live;

import dev.lookout.detect.DetectionResult;

/**
 * Detections together with the frame they were computed on, so that they are painted in that frame's
 * coordinates and their capture-to-paint latency can be measured.
 *
 * @param frameSequence the pipeline's running number of the frame (unique across loops and sources)
 * @param capturedNanos {@link System#nanoTime()} when that frame was captured
 * @param result the detector's answer, in the frame's pixels
 */
public record LiveDetections(long frameSequence, long capturedNanos, DetectionResult result) {
}
