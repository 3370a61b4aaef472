package dev.lookout.track.metrics;

import dev.lookout.track.Assignment;
import dev.lookout.track.Boxes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a tracker's output against ground truth, both as MOTChallenge boxes. A box matches when IoU ≥ 0.5.
 *
 * <p>CLEAR-MOT, frame by frame as py-motmetrics: an object keeps its previous hypothesis while they still match;
 * the others are paired by an optimal assignment on {@code 1 − IoU}; a match with another hypothesis than the
 * object's last one is an ID switch. Identity measures: one optimal one-to-one pairing of whole objects with whole
 * tracks maximising the boxes they share (IDTP). Ground-truth rows whose {@code conf} field is 0 are ignored, as
 * MOTChallenge's "consider" flag means.
 */
public final class MotEvaluation {

    /** The IoU a box pair needs to match. */
    public static final double MIN_IOU = 0.5;

    private MotEvaluation() {
    }

    public static MotScores evaluate(List<MotBox> truthRows, List<MotBox> hypothesisRows) {
        Map<Integer, List<MotBox>> truth = byFrame(truthRows.stream().filter(b -> b.confidence() != 0).toList());
        Map<Integer, List<MotBox>> hyps = byFrame(hypothesisRows);
        TreeMap<Integer, Boolean> frames = new TreeMap<>();
        truth.keySet().forEach(f -> frames.put(f, true));
        hyps.keySet().forEach(f -> frames.put(f, true));

        Map<Long, Long> lastMatch = new HashMap<>();
        Map<Long, List<Boolean>> history = new LinkedHashMap<>(); // per object, matched or not in its frames
        long truthBoxes = 0;
        long hypBoxes = 0;
        long misses = 0;
        long falsePositives = 0;
        long switches = 0;
        for (int f : frames.keySet()) {
            List<MotBox> gt = truth.getOrDefault(f, List.of());
            List<MotBox> hy = hyps.getOrDefault(f, List.of());
            truthBoxes += gt.size();
            hypBoxes += hy.size();
            int[] match = new int[gt.size()];
            java.util.Arrays.fill(match, -1);
            boolean[] hypTaken = new boolean[hy.size()];
            // keep last frame's correspondences that still hold
            for (int g = 0; g < gt.size(); g++) {
                Long previous = lastMatch.get(gt.get(g).id());
                for (int h = 0; previous != null && h < hy.size(); h++) {
                    if (!hypTaken[h] && hy.get(h).id() == previous && iou(gt.get(g), hy.get(h)) >= MIN_IOU) {
                        match[g] = h;
                        hypTaken[h] = true;
                        break;
                    }
                }
            }
            List<Integer> freeG = new ArrayList<>();
            List<Integer> freeH = new ArrayList<>();
            for (int g = 0; g < gt.size(); g++) {
                if (match[g] < 0) {
                    freeG.add(g);
                }
            }
            for (int h = 0; h < hy.size(); h++) {
                if (!hypTaken[h]) {
                    freeH.add(h);
                }
            }
            double[][] cost = new double[freeG.size()][freeH.size()];
            for (int a = 0; a < freeG.size(); a++) {
                for (int b = 0; b < freeH.size(); b++) {
                    cost[a][b] = 1 - iou(gt.get(freeG.get(a)), hy.get(freeH.get(b)));
                }
            }
            int[] paired = Assignment.solve(cost, 1 - MIN_IOU);
            for (int a = 0; a < freeG.size(); a++) {
                if (paired[a] >= 0) {
                    int g = freeG.get(a);
                    int h = freeH.get(paired[a]);
                    match[g] = h;
                    hypTaken[h] = true;
                    Long previous = lastMatch.get(gt.get(g).id());
                    if (previous != null && previous != hy.get(h).id()) {
                        switches++;
                    }
                }
            }
            for (int g = 0; g < gt.size(); g++) {
                long id = gt.get(g).id();
                history.computeIfAbsent(id, k -> new ArrayList<>()).add(match[g] >= 0);
                if (match[g] >= 0) {
                    lastMatch.put(id, hy.get(match[g]).id());
                } else {
                    misses++;
                }
            }
            for (boolean taken : hypTaken) {
                falsePositives += taken ? 0 : 1;
            }
        }

        int mostlyTracked = 0;
        int mostlyLost = 0;
        long fragmentations = 0;
        for (List<Boolean> h : history.values()) {
            long matched = h.stream().filter(b -> b).count();
            double ratio = (double) matched / h.size();
            mostlyTracked += ratio >= 0.8 ? 1 : 0;
            mostlyLost += ratio < 0.2 ? 1 : 0;
            int first = h.indexOf(true);
            int last = h.lastIndexOf(true);
            for (int i = first + 1; first >= 0 && i <= last; i++) {
                if (h.get(i - 1) && !h.get(i)) {
                    fragmentations++;
                }
            }
        }
        return new MotScores(truthBoxes, misses, falsePositives, switches, fragmentations, history.size(),
                mostlyTracked, mostlyLost, identityTruePositives(truth, hyps), hypBoxes);
    }

    /** IDTP: the most boxes a one-to-one pairing of ground-truth objects with tracks can share. */
    private static long identityTruePositives(Map<Integer, List<MotBox>> truth, Map<Integer, List<MotBox>> hyps) {
        Map<Long, Integer> gtIndex = new LinkedHashMap<>();
        Map<Long, Integer> hypIndex = new LinkedHashMap<>();
        truth.values().forEach(l -> l.forEach(b -> gtIndex.putIfAbsent(b.id(), gtIndex.size())));
        hyps.values().forEach(l -> l.forEach(b -> hypIndex.putIfAbsent(b.id(), hypIndex.size())));
        int n = Math.max(gtIndex.size(), hypIndex.size());
        if (gtIndex.isEmpty() || hypIndex.isEmpty()) {
            return 0;
        }
        long[][] shared = new long[n][n];
        for (Map.Entry<Integer, List<MotBox>> e : truth.entrySet()) {
            List<MotBox> hy = hyps.getOrDefault(e.getKey(), List.of());
            for (MotBox g : e.getValue()) {
                for (MotBox h : hy) {
                    if (iou(g, h) >= MIN_IOU) {
                        shared[gtIndex.get(g.id())][hypIndex.get(h.id())]++;
                    }
                }
            }
        }
        double[][] cost = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cost[i][j] = -shared[i][j];
            }
        }
        int[] pairing = Assignment.minimumCost(cost);
        long idtp = 0;
        for (int i = 0; i < n; i++) {
            idtp += shared[i][pairing[i]];
        }
        return idtp;
    }

    private static Map<Integer, List<MotBox>> byFrame(List<MotBox> rows) {
        Map<Integer, List<MotBox>> frames = new TreeMap<>();
        for (MotBox b : rows) {
            frames.computeIfAbsent(b.frame(), k -> new ArrayList<>()).add(b);
        }
        return frames;
    }

    private static double iou(MotBox a, MotBox b) {
        return Boxes.iouXywh(a.x(), a.y(), a.width(), a.height(), b.x(), b.y(), b.width(), b.height());
    }
}
