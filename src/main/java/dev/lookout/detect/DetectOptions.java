package dev.lookout.detect;

import java.util.Set;

/**
 * What {@code detect} keeps: TF.js's {@code maxNumBoxes} and {@code minScore}, plus Lookout's own options.
 *
 * @param maxNumBoxes at most this many detections (TF.js default 20)
 * @param minScore keep scores strictly above this (TF.js default 0.5)
 * @param iou the non-max-suppression IoU threshold, or {@code null} for TF.js's behaviour (= {@code minScore})
 * @param classes keep only these class names; empty keeps all
 * @param minArea drop boxes smaller than this many square pixels; 0 keeps all
 */
public record DetectOptions(int maxNumBoxes, double minScore, Double iou, Set<String> classes, double minArea) {

    /** TF.js's {@code detect(image)}: 20 boxes, minScore 0.5, IoU = minScore, all classes. */
    public static final DetectOptions DEFAULTS = new DetectOptions(20, 0.5, null, Set.of(), 0);

    /** Validates the values and copies the class set. */
    public DetectOptions {
        if (maxNumBoxes < 1) {
            throw new IllegalArgumentException("maxNumBoxes must be at least 1, not " + maxNumBoxes);
        }
        if (!(minScore >= 0 && minScore < 1)) {
            throw new IllegalArgumentException("minScore must be in [0, 1), not " + minScore);
        }
        if (iou != null && !(iou > 0 && iou <= 1)) {
            throw new IllegalArgumentException("iou must be in (0, 1], not " + iou);
        }
        if (!(minArea >= 0)) {
            throw new IllegalArgumentException("minArea must be 0 or more, not " + minArea);
        }
        classes = Set.copyOf(classes);
    }

    /** TF.js's {@code detect(image, maxNumBoxes, minScore)}. */
    public static DetectOptions of(int maxNumBoxes, double minScore) {
        return new DetectOptions(maxNumBoxes, minScore, null, Set.of(), 0);
    }

    /** The IoU threshold in force: the explicit one, else {@code minScore} as in TF.js. */
    public double iouThreshold() {
        return iou != null ? iou : minScore;
    }

    /** A copy with another {@code maxNumBoxes}. */
    public DetectOptions withMaxNumBoxes(int value) {
        return new DetectOptions(value, minScore, iou, classes, minArea);
    }

    /** A copy with another {@code minScore}. */
    public DetectOptions withMinScore(double value) {
        return new DetectOptions(maxNumBoxes, value, iou, classes, minArea);
    }

    /** A copy with an explicit IoU threshold ({@code null}: TF.js's default). */
    public DetectOptions withIou(Double value) {
        return new DetectOptions(maxNumBoxes, minScore, value, classes, minArea);
    }

    /** A copy that keeps only {@code value} (empty: all classes). */
    public DetectOptions withClasses(Set<String> value) {
        return new DetectOptions(maxNumBoxes, minScore, iou, value, minArea);
    }

    /** A copy with another minimum box area. */
    public DetectOptions withMinArea(double value) {
        return new DetectOptions(maxNumBoxes, minScore, iou, classes, value);
    }
}
