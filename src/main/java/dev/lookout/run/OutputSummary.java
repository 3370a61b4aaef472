package dev.lookout.run;

import dev.lookout.onnx.Tensor;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** One line about an output: name, type, shape, and the smallest, largest and mean value. */
public final class OutputSummary {

    private OutputSummary() {
    }

    /** {@code NAME float32 [1, 7] min 0.01 max 0.59 mean 0.14}. */
    public static String line(String name, Tensor t) {
        float[] v = t.floats();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
            sum += x;
        }
        String shape = Arrays.stream(t.shape()).mapToObj(Long::toString).collect(Collectors.joining(", ", "[", "]"));
        String type = t.type().name().toLowerCase(Locale.ROOT);
        return v.length == 0 ? name + " " + type + " " + shape + " (empty)"
                : String.format(Locale.ROOT, "%s %s %s min %.6g max %.6g mean %.6g", name, type, shape, min, max,
                        sum / v.length);
    }
}
