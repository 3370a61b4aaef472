package dev.lookout.detect;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns Coco-SSD's two raw outputs into detections exactly as TF.js's {@code coco-ssd} {@code detect} does, then
 * applies Lookout's class and area filters. Pure Java over float buffers, so it is testable without ONNX Runtime.
 *
 * <p>TF.js's steps (see {@code shared/reference/coco-ssd/README.md}):
 * <ol>
 *   <li>per box, the best of its class scores and that column {@code j} (first maximum wins), COCO id {@code j+1};
 *   <li>one class-agnostic greedy non-max suppression: candidates score strictly above {@code minScore}, taken by
 *       descending score (lower box index first on ties); a candidate whose IoU with any already selected box is
 *       ≥ the threshold ({@code minScore} unless {@link DetectOptions#iou()} is set) is dropped; IoU is 0 when either
 *       box has zero or negative area; stop after {@code maxNumBoxes} selections;
 *   <li>box {@code [ymin,xmin,ymax,xmax]} → {@code [xmin·W, ymin·H, (xmax−xmin)·W, (ymax−ymin)·H]} in double
 *       precision from the float32 values, not clipped.
 * </ol>
 *
 * <p><b>Lookout's filters apply to the suppression's output, and {@code maxNumBoxes} counts reported detections.</b>
 * A box of a filtered-out class, a box smaller than {@code minArea}, or a box of an unnamed COCO id is still selected
 * by the suppression (so it still suppresses what it overlaps, as in TF.js) but is not reported and does not use up
 * one of the {@code maxNumBoxes}. So {@code --classes person} gives exactly the persons TF.js reports, in TF.js's
 * order — and, in a crowded scene, further persons TF.js would have reported with a larger {@code maxNumBoxes}
 * rather than fewer because cars took the slots. With no filter the answer is TF.js's exactly.
 *
 * <p>An instance reuses its work arrays between calls: use one per thread.
 */
public final class Postprocessor {

    private final CocoLabels labels;

    // Work arrays, grown to the box count on first use and then reused: no large allocation per frame.
    private float[] bestScore = new float[0];
    private int[] bestColumn = new int[0];
    private long[] candidateOrder = new long[0];
    private int[] selected = new int[0];

    /** A post-processor naming classes with {@code labels}. */
    public Postprocessor(CocoLabels labels) {
        this.labels = labels;
    }

    /**
     * Post-processes one image's raw outputs.
     *
     * @param scores {@code [boxCount, classCount]} sigmoid scores, row-major, read with absolute gets from index 0
     * @param boxes {@code [boxCount, 4]} as {@code [ymin, xmin, ymax, xmax]} normalised to the image
     * @param boxCount number of boxes (1917 for Coco-SSD)
     * @param classCount number of score columns (90 for Coco-SSD; column j is COCO id j+1)
     * @param width the source image's width in pixels
     * @param height the source image's height in pixels
     * @return the detections in TF.js's order
     */
    public List<Detection> process(FloatBuffer scores, FloatBuffer boxes, int boxCount, int classCount,
            int width, int height, DetectOptions options) {
        if (boxCount < 0 || classCount < 1) {
            throw new IllegalArgumentException(
                    "bad output shape: " + boxCount + " boxes × " + classCount + " classes");
        }
        if (scores.limit() < (long) boxCount * classCount || boxes.limit() < (long) boxCount * 4) {
            throw new IllegalArgumentException("outputs too small for " + boxCount + " boxes × " + classCount
                    + " classes: " + scores.limit() + " scores, " + boxes.limit() + " box values");
        }
        ensureCapacity(boxCount);
        bestClasses(scores, boxCount, classCount);
        int candidates = sortCandidates(boxCount, options.minScore());
        return suppress(boxes, candidates, width, height, options);
    }

    /** TF.js's {@code calculateMaxScores}: the highest score of each box and its column, first maximum wins. */
    private void bestClasses(FloatBuffer scores, int boxCount, int classCount) {
        for (int i = 0; i < boxCount; i++) {
            // TF.js starts from Number.MIN_VALUE and index -1; as the scores then go through a float32 tensor, a row
            // of zeros ends up with score 0 and never becomes a candidate: starting from 0 is the same.
            float max = 0f;
            int column = -1;
            int row = i * classCount;
            for (int j = 0; j < classCount; j++) {
                float s = scores.get(row + j);
                if (s > max) {
                    max = s;
                    column = j;
                }
            }
            bestScore[i] = max;
            bestColumn[i] = column;
        }
    }

    /**
     * Collects the boxes scoring strictly above {@code minScore} into {@code candidateOrder}, sorted by descending
     * score then ascending index. Returns how many there are.
     */
    private int sortCandidates(int boxCount, double minScore) {
        int n = 0;
        for (int i = 0; i < boxCount; i++) {
            float s = bestScore[i];
            if (s > minScore) {
                // Candidates are positive floats, whose bit patterns order like their values: one long key sorts by
                // descending score, then ascending index, with no comparator objects.
                long descendingScore = Integer.MAX_VALUE - Float.floatToIntBits(s);
                candidateOrder[n++] = (descendingScore << 32) | i;
            }
        }
        Arrays.sort(candidateOrder, 0, n);
        return n;
    }

    private List<Detection> suppress(FloatBuffer boxes, int candidates, int width, int height, DetectOptions options) {
        double iouThreshold = options.iouThreshold();
        int maxReported = options.maxNumBoxes();
        boolean filtered = !options.classes().isEmpty() || options.minArea() > 0;
        List<Detection> reported = new ArrayList<>(Math.min(maxReported, 32));
        int selectedCount = 0;
        for (int c = 0; c < candidates && reported.size() < maxReported; c++) {
            int box = (int) candidateOrder[c];
            boolean suppressed = false;
            // TF.js compares with the most recently selected box first; the outcome is the same either way.
            for (int k = selectedCount - 1; k >= 0; k--) {
                if (iou(boxes, box, selected[k]) >= iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (suppressed) {
                continue;
            }
            selected[selectedCount++] = box;
            Detection d = toDetection(boxes, box, width, height);
            if (d != null && (!filtered || passesFilters(d, options))) {
                reported.add(d);
            }
        }
        return reported;
    }

    private static boolean passesFilters(Detection d, DetectOptions options) {
        return (options.classes().isEmpty() || options.classes().contains(d.className()))
                && d.area() >= options.minArea();
    }

    /** The detection for box {@code i}, or {@code null} when its class id has no COCO name. */
    private Detection toDetection(FloatBuffer boxes, int i, int width, int height) {
        String name = labels.name(bestColumn[i] + 1);
        if (name == null) {
            return null;
        }
        // TF.js: bbox[j] = boxes[...] (float32 read into a double), then minY = bbox[0] * height, ...
        double minY = (double) boxes.get(i * 4) * height;
        double minX = (double) boxes.get(i * 4 + 1) * width;
        double maxY = (double) boxes.get(i * 4 + 2) * height;
        double maxX = (double) boxes.get(i * 4 + 3) * width;
        return new Detection(minX, minY, maxX - minX, maxY - minY, name, bestScore[i]);
    }

    /**
     * TF.js's {@code intersectionOverUnion} of boxes {@code i} and {@code j} of {@code [ymin,xmin,ymax,xmax]} rows:
     * corners ordered per axis, 0 when either box has zero or negative area, computed in double precision.
     */
    static double iou(FloatBuffer boxes, int i, int j) {
        double ay0 = boxes.get(i * 4);
        double ax0 = boxes.get(i * 4 + 1);
        double ay1 = boxes.get(i * 4 + 2);
        double ax1 = boxes.get(i * 4 + 3);
        double by0 = boxes.get(j * 4);
        double bx0 = boxes.get(j * 4 + 1);
        double by1 = boxes.get(j * 4 + 2);
        double bx1 = boxes.get(j * 4 + 3);
        double yminA = Math.min(ay0, ay1);
        double xminA = Math.min(ax0, ax1);
        double ymaxA = Math.max(ay0, ay1);
        double xmaxA = Math.max(ax0, ax1);
        double yminB = Math.min(by0, by1);
        double xminB = Math.min(bx0, bx1);
        double ymaxB = Math.max(by0, by1);
        double xmaxB = Math.max(bx0, bx1);
        double areaA = (ymaxA - yminA) * (xmaxA - xminA);
        double areaB = (ymaxB - yminB) * (xmaxB - xminB);
        if (areaA <= 0 || areaB <= 0) {
            return 0.0;
        }
        double interYmin = Math.max(yminA, yminB);
        double interXmin = Math.max(xminA, xminB);
        double interYmax = Math.min(ymaxA, ymaxB);
        double interXmax = Math.min(xmaxA, xmaxB);
        double inter = Math.max(interYmax - interYmin, 0.0) * Math.max(interXmax - interXmin, 0.0);
        return inter / (areaA + areaB - inter);
    }

    private void ensureCapacity(int boxCount) {
        if (bestScore.length < boxCount) {
            bestScore = new float[boxCount];
            bestColumn = new int[boxCount];
            candidateOrder = new long[boxCount];
            selected = new int[boxCount];
        }
    }
}
