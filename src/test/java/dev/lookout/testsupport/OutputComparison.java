package dev.lookout.testsupport;

import dev.lookout.onnx.DataType;
import dev.lookout.onnx.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The difference between two tensors of the same shape, relative to the reference's largest magnitude. */
public record OutputComparison(double maxAbsDiff, double maxAbsRef, int worstIndex) {

    /** Compares {@code actual} with {@code expected} element by element (as doubles). */
    public static OutputComparison of(Tensor expected, Tensor actual) {
        double[] e = values(expected);
        double[] a = values(actual);
        if (e.length != a.length) {
            throw new AssertionError("sizes differ: TF.js " + e.length + ", ONNX " + a.length);
        }
        double worst = 0;
        double ref = 0;
        int at = -1;
        for (int i = 0; i < e.length; i++) {
            double d = Math.abs(e[i] - a[i]);
            if (Double.isNaN(d) ? !(Double.isNaN(e[i]) && Double.isNaN(a[i])) : d > worst) {
                worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                at = i;
            }
            ref = Math.max(ref, Math.abs(e[i]));
        }
        return new OutputComparison(worst, ref, at);
    }

    /** The largest difference over the reference's largest magnitude (over 1 when that is below 1). */
    public double relative() {
        return maxAbsDiff / Math.max(maxAbsRef, 1e-12);
    }

    static double[] values(Tensor t) {
        ByteBuffer b = ByteBuffer.wrap(t.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[t.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (t.type()) {
                case FLOAT -> b.getFloat();
                case INT32 -> b.getInt();
                case INT64 -> b.getLong();
                case DOUBLE -> b.getDouble();
                case UINT8, BOOL -> b.get() & 0xff;
            };
        }
        return v;
    }

    /** True for integer element types. */
    public static boolean integral(Tensor t) {
        return t.type() != DataType.FLOAT;
    }
}
