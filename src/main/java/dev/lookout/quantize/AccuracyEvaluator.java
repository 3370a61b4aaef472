package dev.lookout.quantize;

import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.Detection;
import java.util.List;

/**
 * Measures how far a detector (int8) strays from a reference (fp32) on real images: AP@IoU of its answers with the
 * reference's as ground truth ({@link AveragePrecision}), and how often the two answer exactly alike in what a
 * user sees.
 */
final class AccuracyEvaluator {

    /** The reference's answer: what {@code detect} reports by default (TF.js's 20 boxes at score ≥ 0.5). */
    static final DetectOptions TRUTH = DetectOptions.DEFAULTS;
    /** The evaluated detector's candidates for the precision-recall curve: down to score 0.2, up to 100 boxes. */
    static final DetectOptions CANDIDATES = DetectOptions.of(100, 0.2);

    /** The result over a set of images. */
    record Result(AveragePrecision ap, int images, int sameTopDetection, int withDetections) {
    }

    private AccuracyEvaluator() {
    }

    /** Runs both detectors on every image of {@code images}. */
    static Result evaluate(CocoSsdDetector reference, CocoSsdDetector evaluated, CalibrationSet images)
            throws Exception {
        AveragePrecision ap = new AveragePrecision(0.5);
        int[] counts = new int[3];
        images.forEach((name, bgr) -> {
            List<Detection> truth = reference.detect(bgr, TRUTH).detections();
            List<Detection> candidates = evaluated.detect(bgr, CANDIDATES).detections();
            ap.add(truth, candidates);
            counts[0]++;
            if (!truth.isEmpty()) {
                counts[2]++;
                List<Detection> shown = evaluated.detect(bgr, TRUTH).detections();
                if (sameTop(truth, shown)) {
                    counts[1]++;
                }
            }
        });
        return new Result(ap, counts[0], counts[1], counts[2]);
    }

    /** True when both answers' first (highest-scoring) detections have the same class and IoU ≥ 0.9. */
    static boolean sameTop(List<Detection> a, List<Detection> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        return a.get(0).className().equals(b.get(0).className()) && AveragePrecision.iou(a.get(0), b.get(0)) >= 0.9;
    }
}
