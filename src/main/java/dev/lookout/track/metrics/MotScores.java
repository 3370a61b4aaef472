package dev.lookout.track.metrics;

import java.util.Locale;

/**
 * Tracking scores by the standard definitions: CLEAR-MOT (Bernardin &amp; Stiefelhagen 2008) and the identity
 * measures (Ristani et al. 2016), as py-motmetrics computes them.
 *
 * @param truthBoxes ground-truth boxes over all frames
 * @param misses ground-truth boxes matched by no hypothesis (false negatives)
 * @param falsePositives hypothesis boxes matched to no ground truth
 * @param idSwitches times a ground-truth object was matched to another hypothesis than at its previous match
 * @param fragmentations times a ground-truth trajectory went from matched to unmatched and later matched again
 * @param objects ground-truth objects
 * @param mostlyTracked objects matched in at least 80 % of the frames they are in
 * @param mostlyLost objects matched in less than 20 % of their frames
 * @param idtp identity true positives (boxes of the best one-to-one pairing of objects with tracks)
 * @param hypothesisBoxes hypothesis boxes over all frames
 */
public record MotScores(long truthBoxes, long misses, long falsePositives, long idSwitches, long fragmentations,
        int objects, int mostlyTracked, int mostlyLost, long idtp, long hypothesisBoxes) {

    /** MOTA = 1 − (misses + false positives + ID switches) / ground-truth boxes. */
    public double mota() {
        return truthBoxes == 0 ? Double.NaN : 1 - (double) (misses + falsePositives + idSwitches) / truthBoxes;
    }

    /** IDF1 = 2·IDTP / (ground-truth boxes + hypothesis boxes). */
    public double idf1() {
        long all = truthBoxes + hypothesisBoxes;
        return all == 0 ? Double.NaN : 2.0 * idtp / all;
    }

    /** Objects neither mostly tracked nor mostly lost. */
    public int partiallyTracked() {
        return objects - mostlyTracked - mostlyLost;
    }

    /** One line for people: {@code MOTA 0.912  IDF1 0.874  IDsw 3  Frag 5  MT 8/10  ML 0/10 ...}. */
    public String summary() {
        return String.format(Locale.ROOT, "MOTA %.3f  IDF1 %.3f  IDsw %d  Frag %d  MT %d/%d  PT %d  ML %d  "
                + "FP %d  FN %d  GT boxes %d", mota(), idf1(), idSwitches, fragmentations, mostlyTracked, objects,
                partiallyTracked(), mostlyLost, falsePositives, misses, truthBoxes);
    }
}
