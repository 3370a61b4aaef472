package dev.lookout.convert.ops;

/** Deterministic constant values for the per-op test graphs. */
final class Graphs {

    static final int FLOAT = 1;
    static final int INT32 = 3;

    /** The attributes of a 1×1-strided VALID NHWC Conv2D, as TF.js needs them all. */
    static final String CONV_VALID = "{\"strides\":" + dev.lookout.convert.TfjsModelBuilder.ints(1, 1, 1, 1)
            + ",\"padding\":" + dev.lookout.convert.TfjsModelBuilder.s("VALID") + ",\"dilations\":"
            + dev.lookout.convert.TfjsModelBuilder.ints(1, 1, 1, 1) + ",\"data_format\":"
            + dev.lookout.convert.TfjsModelBuilder.s("NHWC") + "}";

    private Graphs() {
    }

    /**
     * Adds the scalar {@code name} = dim 0 of {@code of}, read at run time as TF writes it (Shape, then a
     * StridedSlice that shrinks the axis), e.g. the batch of an input whose batch is unknown.
     */
    static dev.lookout.convert.TfjsModelBuilder firstDim(dev.lookout.convert.TfjsModelBuilder b, String of,
            String name) {
        return b.op(name + "/shape", "Shape", "{}", of)
                .constInt(name + "/begin", new long[] {1}, 0)
                .constInt(name + "/end", new long[] {1}, 1)
                .constInt(name + "/stride", new long[] {1}, 1)
                .op(name, "StridedSlice", "{\"shrink_axis_mask\":" + dev.lookout.convert.TfjsModelBuilder.i(1) + "}",
                        name + "/shape", name + "/begin", name + "/end", name + "/stride");
    }

    /** {@code n} values in [-1, 1), the same for the same seed. */
    static float[] values(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextFloat() * 2 - 1;
        }
        return v;
    }
}
