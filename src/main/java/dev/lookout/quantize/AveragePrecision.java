package dev.lookout.quantize;

import dev.lookout.detect.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * AP at an IoU threshold, per class and overall, of one detector's answers against another's taken as the ground
 * truth (here: int8 against fp32). Per image, predictions are matched greedily in descending score to the
 * unmatched ground-truth box of the same class with the highest IoU (at least the threshold); AP is the area under
 * the precision-recall curve with precision made monotone (all-point interpolation, as PASCAL VOC since 2010 and
 * COCO).
 */
final class AveragePrecision {

    /** One class's result: ground-truth boxes, predictions, AP. */
    record ClassAp(String className, int truths, int predictions, double ap) {
    }

    private record Scored(double score, boolean hit) {
    }

    private final double iouThreshold;
    private final Map<String, List<Scored>> predictions = new TreeMap<>();
    private final Map<String, Integer> truths = new TreeMap<>();
    private final List<Scored> pooled = new ArrayList<>();
    private int pooledTruths;

    AveragePrecision(double iouThreshold) {
        this.iouThreshold = iouThreshold;
    }

    /** Adds one image: the reference's detections and the evaluated detector's. */
    void add(List<Detection> truth, List<Detection> predicted) {
        boolean[] matched = new boolean[truth.size()];
        List<Detection> byScore = new ArrayList<>(predicted);
        byScore.sort(Comparator.comparingDouble(Detection::score).reversed());
        for (Detection p : byScore) {
            int best = -1;
            double bestIou = iouThreshold;
            for (int i = 0; i < truth.size(); i++) {
                Detection t = truth.get(i);
                double iou = iou(p, t);
                if (!matched[i] && t.className().equals(p.className()) && iou >= bestIou) {
                    best = i;
                    bestIou = iou;
                }
            }
            if (best >= 0) {
                matched[best] = true;
            }
            Scored s = new Scored(p.score(), best >= 0);
            predictions.computeIfAbsent(p.className(), k -> new ArrayList<>()).add(s);
            pooled.add(s);
        }
        for (Detection t : truth) {
            truths.merge(t.className(), 1, Integer::sum);
            predictions.computeIfAbsent(t.className(), k -> new ArrayList<>());
        }
        pooledTruths += truth.size();
    }

    /** AP per class that has ground truth or predictions, by class name. */
    List<ClassAp> perClass() {
        List<ClassAp> out = new ArrayList<>();
        predictions.forEach((c, scored) -> out.add(new ClassAp(c, truths.getOrDefault(c, 0), scored.size(),
                ap(scored, truths.getOrDefault(c, 0)))));
        return out;
    }

    /** The mean of the per-class APs over the classes with ground truth (COCO's mAP at this IoU). */
    double meanAp() {
        return perClass().stream().filter(c -> c.truths() > 0).mapToDouble(ClassAp::ap).average().orElse(Double.NaN);
    }

    /** AP over all boxes of all classes at once (a class still has to match): dominated by the frequent classes. */
    double pooledAp() {
        return ap(pooled, pooledTruths);
    }

    /** Intersection over union of two boxes. */
    static double iou(Detection a, Detection b) {
        double w = Math.min(a.right(), b.right()) - Math.max(a.x(), b.x());
        double h = Math.min(a.bottom(), b.bottom()) - Math.max(a.y(), b.y());
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        return inter / (a.area() + b.area() - inter);
    }

    private static double ap(List<Scored> scored, int truthCount) {
        if (truthCount == 0) {
            return scored.isEmpty() ? 1 : 0;
        }
        List<Scored> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparingDouble(Scored::score).reversed());
        int n = sorted.size();
        double[] precision = new double[n];
        double[] recall = new double[n];
        int hits = 0;
        for (int i = 0; i < n; i++) {
            hits += sorted.get(i).hit() ? 1 : 0;
            precision[i] = hits / (double) (i + 1);
            recall[i] = hits / (double) truthCount;
        }
        for (int i = n - 2; i >= 0; i--) {
            precision[i] = Math.max(precision[i], precision[i + 1]);
        }
        double ap = 0;
        double previousRecall = 0;
        for (int i = 0; i < n; i++) {
            ap += (recall[i] - previousRecall) * precision[i];
            previousRecall = recall[i];
        }
        return ap;
    }
}
