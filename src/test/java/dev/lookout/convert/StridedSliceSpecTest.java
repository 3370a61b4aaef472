package dev.lookout.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** TF's StridedSlice mask rules, resolved to ONNX Slice terms. */
class StridedSliceSpecTest {

    @Test
    void shrinkAxisTakesOneElementAndDropsTheAxis() {
        // Coco-SSD's batch size: Shape(x)[0] with shrink_axis_mask = 1
        StridedSliceSpec spec = StridedSliceSpec.resolve(1, new long[] {0}, new long[] {1}, new long[] {1},
                0, 0, 0, 0, 1);
        assertArrayEquals(new long[] {0}, spec.shrinkAxes());
        assertArrayEquals(new long[] {}, spec.outputShape(new long[] {4}));
        assertArrayEquals(new long[] {7}, spec.select(new long[] {7, -1, -1, 3}));
    }

    @Test
    void negativeShrinkIndexCountsFromTheEnd() {
        StridedSliceSpec spec = StridedSliceSpec.resolve(1, new long[] {-1}, new long[] {0}, new long[] {1},
                0, 0, 0, 0, 1);
        assertArrayEquals(new long[] {3}, spec.select(new long[] {1, 300, 300, 3}));
    }

    @Test
    void ellipsisCoversTheMiddleAxes() {
        // x[..., 1:3] on a rank-4 tensor
        StridedSliceSpec spec = StridedSliceSpec.resolve(4, new long[] {0, 1}, new long[] {0, 3},
                new long[] {1, 1}, 0, 0, 1, 0, 0);
        assertArrayEquals(new long[] {3}, spec.axes());
        assertArrayEquals(new long[] {2, 5, 6, 2}, spec.outputShape(new long[] {2, 5, 6, 8}));
    }

    @Test
    void newAxisInsertsASizeOneDimension() {
        // x[:, tf.newaxis, 2:] on a rank-2 tensor
        StridedSliceSpec spec = StridedSliceSpec.resolve(2, new long[] {0, 0, 2}, new long[] {0, 0, 0},
                new long[] {1, 1, 1}, 0b001, 0b101, 0, 0b010, 0);
        assertArrayEquals(new long[] {1}, spec.newAxes());
        assertArrayEquals(new long[] {3, 1, 5}, spec.outputShape(new long[] {3, 7}));
    }

    @Test
    void negativeStrideWithMasksReversesTheAxis() {
        StridedSliceSpec spec = StridedSliceSpec.resolve(1, new long[] {0}, new long[] {0}, new long[] {-1},
                1, 1, 0, 0, 0);
        assertArrayEquals(new long[] {4, 3, 2, 1}, spec.select(new long[] {1, 2, 3, 4}));
    }

    @Test
    void stepTwoFromAnOffset() {
        StridedSliceSpec spec = StridedSliceSpec.resolve(1, new long[] {1}, new long[] {6}, new long[] {2},
                0, 0, 0, 0, 0);
        assertArrayEquals(new long[] {1, 3, 5}, spec.select(new long[] {0, 1, 2, 3, 4, 5, 6, 7}));
    }
}
