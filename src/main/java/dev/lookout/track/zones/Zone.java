package dev.lookout.track.zones;

import java.util.Objects;

/**
 * A named polygon (at least three corners) in source-frame pixels or, when {@code fractions}, fractions 0..1 of
 * the frame's width and height.
 */
public record Zone(String name, double[] xs, double[] ys, boolean fractions) {

    public Zone {
        Objects.requireNonNull(name, "name");
        if (xs.length != ys.length || xs.length < 3) {
            throw new IllegalArgumentException("zone " + name + ": a polygon needs at least 3 points");
        }
        xs = xs.clone();
        ys = ys.clone();
    }

    /** The zone in pixels of a {@code width × height} frame. */
    public Zone inPixels(int width, int height) {
        if (!fractions) {
            return this;
        }
        double[] px = new double[xs.length];
        double[] py = new double[ys.length];
        for (int i = 0; i < xs.length; i++) {
            px[i] = xs[i] * width;
            py[i] = ys[i] * height;
        }
        return new Zone(name, px, py, false);
    }

    @Override
    public double[] xs() {
        return xs.clone();
    }

    @Override
    public double[] ys() {
        return ys.clone();
    }

    /** True when {@code other} has the same name, corners and units (records compare arrays by identity). */
    public boolean sameAs(Zone other) {
        return other != null && name.equals(other.name) && fractions == other.fractions
                && java.util.Arrays.equals(xs, other.xs) && java.util.Arrays.equals(ys, other.ys);
    }

    /** True when {@code (x, y)} is inside the polygon (even-odd rule). */
    public boolean contains(double x, double y) {
        boolean inside = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y) && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** The distance in pixels from {@code (x, y)} to the polygon's nearest edge. */
    public double distanceToEdge(double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            double dx = xs[i] - xs[j];
            double dy = ys[i] - ys[j];
            double len2 = dx * dx + dy * dy;
            double u = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - xs[j]) * dx + (y - ys[j]) * dy) / len2));
            best = Math.min(best, Math.hypot(x - (xs[j] + u * dx), y - (ys[j] + u * dy)));
        }
        return best;
    }
}
