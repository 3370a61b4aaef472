package dev.lookout.convert;

import dev.lookout.onnx.Tensor;

/** Layout operations on constant tensors, done once at conversion time. */
public final class Tensors {

    private Tensors() {
    }

    /** Prepends size-1 axes until {@code t} has {@code rank} axes (NumPy broadcasting alignment). */
    public static Tensor padRank(Tensor t, int rank) {
        long[] shape = t.shape();
        if (shape.length >= rank) {
            return t;
        }
        long[] padded = new long[rank];
        java.util.Arrays.fill(padded, 1);
        System.arraycopy(shape, 0, padded, rank - shape.length, shape.length);
        return t.reshape(padded);
    }

    /** Transposes {@code t} so that {@code out.shape[i] = t.shape[perm[i]]}, like ONNX {@code Transpose}. */
    public static Tensor permute(Tensor t, int[] perm) {
        long[] shape = t.shape();
        int rank = shape.length;
        if (rank != perm.length) {
            throw new IllegalArgumentException("permutation of rank " + perm.length + " for a tensor of rank " + rank);
        }
        long[] outShape = new long[rank];
        for (int i = 0; i < rank; i++) {
            outShape[i] = shape[perm[i]];
        }
        int size = t.type().size();
        byte[] in = t.bytes();
        byte[] out = new byte[in.length];
        long[] inStrides = strides(shape);
        int count = t.size();
        int[] index = new int[rank];
        for (int o = 0; o < count; o++) {
            long src = 0;
            for (int i = 0; i < rank; i++) {
                src += index[i] * inStrides[perm[i]];
            }
            System.arraycopy(in, (int) src * size, out, o * size, size);
            for (int i = rank - 1; i >= 0; i--) {
                if (++index[i] < outShape[i]) {
                    break;
                }
                index[i] = 0;
            }
        }
        return new Tensor(t.type(), outShape, out);
    }

    private static long[] strides(long[] shape) {
        long[] s = new long[shape.length];
        long acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }
}
