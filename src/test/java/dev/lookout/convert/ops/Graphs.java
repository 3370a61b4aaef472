package dev.lookout.convert.ops;

/** Deterministic constant values for the per-op test graphs. */
final class Graphs {

    static final int FLOAT = 1;
    static final int INT32 = 3;

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
