package dev.lookout.quantize;

/**
 * The float range an activation tensor is quantized over, and its uint8 scale and zero point (asymmetric, the
 * range always holding 0 so that zero padding is exact).
 *
 * @param min the smallest value represented
 * @param max the largest value represented
 */
record ActivationRange(float min, float max) {

    ActivationRange {
        if (!(min <= 0 && max >= 0)) {
            throw new IllegalArgumentException("an activation range must hold 0: [" + min + ", " + max + "]");
        }
    }

    /**
     * The range {@code [min, max]} widened to hold 0 and rounded outwards to 7 significant bits, so that the
     * last-bit differences between CPUs' float kernels during calibration rarely change the model written.
     */
    static ActivationRange rounded(double min, double max) {
        double below = roundUp(-Math.min(min, 0));
        return new ActivationRange(below == 0 ? 0f : (float) -below, (float) roundUp(Math.max(max, 0)));
    }

    private static double roundUp(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return 0;
        }
        double step = Math.scalb(1.0, Math.getExponent(v) - 6);
        return Math.ceil(v / step) * step;
    }

    /** The uint8 scale: one step of the 255. */
    float scale() {
        float s = (max - min) / 255f;
        return s > 0 ? s : 1f;
    }

    /** The uint8 value that represents 0. */
    int zeroPoint() {
        return (int) Math.max(0, Math.min(255, Math.round(-min / scale())));
    }
}
