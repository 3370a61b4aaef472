package dev.lookout.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * TensorFlow's {@code StridedSlice} resolved against an input rank: which input axes are sliced (start, end, step in
 * ONNX {@code Slice} terms, open ends as {@link Long#MAX_VALUE}/{@link Long#MIN_VALUE}), which are then squeezed
 * ({@code shrink_axis_mask}), and where new axes of size 1 are inserted ({@code new_axis_mask}), following TF's
 * dense-spec rules including the ellipsis.
 *
 * @param axes input axes that are sliced (full axes are left out)
 * @param starts ONNX Slice starts for {@code axes}
 * @param ends ONNX Slice ends for {@code axes}
 * @param steps ONNX Slice steps for {@code axes}
 * @param shrinkAxes input axes removed after slicing (ascending)
 * @param newAxes positions in the final output where size-1 axes are inserted (ascending)
 */
public record StridedSliceSpec(long[] axes, long[] starts, long[] ends, long[] steps, long[] shrinkAxes,
        long[] newAxes) {

    /**
     * Resolves a strided slice.
     *
     * @param rank the input's rank
     * @param begin the {@code begin} vector
     * @param end the {@code end} vector
     * @param strides the {@code strides} vector
     */
    public static StridedSliceSpec resolve(int rank, long[] begin, long[] end, long[] strides, long beginMask,
            long endMask, long ellipsisMask, long newAxisMask, long shrinkAxisMask) {
        int sparse = begin.length;
        if (end.length != sparse || strides.length != sparse) {
            throw new IllegalArgumentException("begin, end and strides must have the same length");
        }
        if (Long.bitCount(ellipsisMask) > 1) {
            throw new IllegalArgumentException("at most one ellipsis is allowed");
        }
        boolean hasEllipsis = ellipsisMask != 0;
        int consuming = 0; // sparse entries that consume an input axis (not ellipsis, not new axis)
        for (int i = 0; i < sparse; i++) {
            if ((ellipsisMask >> i & 1) == 0 && (newAxisMask >> i & 1) == 0) {
                consuming++;
            }
        }
        List<long[]> slices = new ArrayList<>();
        List<Long> shrink = new ArrayList<>();
        List<Long> newAxes = new ArrayList<>();
        int inAxis = 0;
        int outAxis = 0;
        for (int i = 0; i < sparse; i++) {
            if ((ellipsisMask >> i & 1) != 0) {
                int covered = rank - consuming;
                inAxis += covered;
                outAxis += covered;
                continue;
            }
            if ((newAxisMask >> i & 1) != 0) {
                newAxes.add((long) outAxis);
                outAxis++;
                continue;
            }
            if (inAxis >= rank) {
                throw new IllegalArgumentException("the slice has more axes than the input's rank " + rank);
            }
            long stride = strides[i];
            if (stride == 0) {
                throw new IllegalArgumentException("strided slice stride must not be 0");
            }
            if ((shrinkAxisMask >> i & 1) != 0) {
                long b = begin[i];
                long e = b == -1 ? Long.MAX_VALUE : b + 1;
                slices.add(new long[] {inAxis, b, e, 1});
                shrink.add((long) inAxis);
                inAxis++;
                continue;
            }
            boolean fullBegin = (beginMask >> i & 1) != 0;
            boolean fullEnd = (endMask >> i & 1) != 0;
            long b = fullBegin ? (stride > 0 ? 0 : Long.MAX_VALUE) : begin[i];
            long e = fullEnd ? (stride > 0 ? Long.MAX_VALUE : Long.MIN_VALUE) : end[i];
            if (!(fullBegin && fullEnd && stride == 1)) {
                slices.add(new long[] {inAxis, b, e, stride});
            }
            inAxis++;
            outAxis++;
        }
        if (!hasEllipsis) {
            // An implicit ellipsis at the end keeps the remaining axes whole.
            outAxis += rank - inAxis;
        }
        long[] axes = new long[slices.size()];
        long[] starts = new long[slices.size()];
        long[] ends = new long[slices.size()];
        long[] steps = new long[slices.size()];
        for (int i = 0; i < slices.size(); i++) {
            axes[i] = slices.get(i)[0];
            starts[i] = slices.get(i)[1];
            ends[i] = slices.get(i)[2];
            steps[i] = slices.get(i)[3];
        }
        return new StridedSliceSpec(axes, starts, ends, steps, shrink.stream().mapToLong(Long::longValue).toArray(),
                newAxes.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * The output shape for a known input shape ({@code -1} for unknown dims), following ONNX Slice's clamping.
     */
    public long[] outputShape(long[] inputShape) {
        long[] sliced = inputShape.clone();
        for (int i = 0; i < axes.length; i++) {
            int a = (int) axes[i];
            long dim = inputShape[a];
            if (dim < 0) {
                sliced[a] = -1;
                continue;
            }
            sliced[a] = sliceLength(dim, starts[i], ends[i], steps[i]);
        }
        List<Long> out = new ArrayList<>();
        for (int a = 0; a < sliced.length; a++) {
            boolean shrunk = false;
            for (long s : shrinkAxes) {
                shrunk |= s == a;
            }
            if (!shrunk) {
                out.add(sliced[a]);
            }
        }
        for (long n : newAxes) {
            out.add((int) Math.min(n, out.size()), 1L);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** The number of elements ONNX Slice selects from an axis of size {@code dim}. */
    static long sliceLength(long dim, long start, long end, long step) {
        long s = start < 0 ? Math.max(start == Long.MIN_VALUE ? -1 : start + dim, step > 0 ? 0 : -1) : start;
        long e = end < 0 ? (end == Long.MIN_VALUE ? -1 : Math.max(end + dim, -1)) : end;
        if (step > 0) {
            s = Math.min(Math.max(s, 0), dim);
            e = Math.min(Math.max(e, 0), dim);
            return Math.max(0, (e - s + step - 1) / step);
        }
        s = Math.min(Math.max(s, -1), dim - 1);
        e = Math.min(Math.max(e, -1), dim - 1);
        return Math.max(0, (s - e + (-step) - 1) / (-step));
    }

    /**
     * Applies this slice to the values of a 1-D vector (e.g. a shape), or returns null when the slice is not over
     * one axis.
     */
    public long[] select(long[] values) {
        if (newAxes.length > 0 || axes.length > 1) {
            return null;
        }
        if (axes.length == 0) {
            return values.clone();
        }
        long n = values.length;
        long start = starts[0];
        long step = steps[0];
        long count = sliceLength(n, start, ends[0], step);
        long first = start < 0 ? (start == Long.MIN_VALUE ? -1 : start + n) : start;
        if (step > 0) {
            first = Math.min(Math.max(first, 0), n);
        } else {
            first = Math.min(Math.max(first, -1), n - 1);
        }
        long[] out = new long[(int) count];
        for (int i = 0; i < count; i++) {
            out[i] = values[(int) (first + i * step)];
        }
        return out;
    }
}
