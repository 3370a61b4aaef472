package dev.lookout.detect;

import java.util.List;

/**
 * The answer of one {@code detect} call.
 *
 * @param detections the detections in TF.js's order (descending score), immutable
 * @param width the source image's width in pixels
 * @param height the source image's height in pixels
 * @param timings time spent per stage
 */
public record DetectionResult(List<Detection> detections, int width, int height, Timings timings) {

    /** Copies the list so the result stays immutable. */
    public DetectionResult {
        detections = List.copyOf(detections);
    }
}
