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
