package dev.lookout.convert.ops;

import dev.lookout.convert.ops.Value.Const;
import dev.lookout.convert.ops.Value.Dyn;
import java.util.Arrays;

/** Shape and permutation arithmetic on TF (logical) shapes, where {@code -1} is a dim unknown until run time. */
public final class Shapes {

    /** The permutation that stores an NHWC tensor as NCHW. */
    public static final int[] NHWC_TO_NCHW = {0, 3, 1, 2};

    private Shapes() {
    }

    /** The TF shape of a tensor value. */
    public static long[] shapeOf(Value v) {
        if (v instanceof Dyn d) {
            return d.shape();
        }
        if (v instanceof Const c) {
            return c.tensor().shape();
        }
        throw new IllegalArgumentException("a TensorArray handle or flow has no shape");
    }

    /** NumPy broadcasting of two shapes; an unknown dim broadcast against a known one takes the known one. */
    public static long[] broadcast(long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i - (rank - a.length) >= 0 ? a[i - (rank - a.length)] : 1;
            long db = i - (rank - b.length) >= 0 ? b[i - (rank - b.length)] : 1;
            out[i] = da == 1 ? db : db == 1 ? da : (da < 0 || db < 0 ? Math.max(da, db) : da);
        }
        return out;
    }

    /** The shape a TF Reshape to {@code target} gives (one {@code -1} inferred when the input size is known). */
    public static long[] resolveReshape(long[] input, long[] target) {
        long[] shape = target.clone();
        long known = 1;
        int unknownAt = -1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == 0 && i < input.length) {
                shape[i] = input[i];
            }
            if (shape[i] == -1) {
                unknownAt = i;
            } else {
                known *= shape[i];
            }
        }
        long count = 1;
        for (long d : input) {
            count = d < 0 || count < 0 ? -1 : count * d;
        }
        if (unknownAt >= 0 && count >= 0 && known > 0) {
            shape[unknownAt] = count / known;
        }
        return shape;
    }

    /** {@code out[i] = shape[perm[i]]}. */
    public static long[] permute(long[] shape, int[] perm) {
        long[] out = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = shape[perm[i]];
        }
        return out;
    }

    /** The inverse permutation. */
    public static int[] inverse(int[] perm) {
        int[] inv = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            inv[perm[i]] = i;
        }
        return inv;
    }

    /** {@code 0, 1, ..., n-1}. */
    public static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    /** True if {@code p} leaves every axis in place. */
    public static boolean isIdentity(int[] p) {
        for (int i = 0; i < p.length; i++) {
            if (p[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** Narrows to int. */
    public static int[] toInts(long[] v) {
        return Arrays.stream(v).mapToInt(l -> (int) l).toArray();
    }

    /** True if every dim is known. */
    public static boolean known(long[] shape) {
        return Arrays.stream(shape).allMatch(d -> d >= 0);
    }
}
