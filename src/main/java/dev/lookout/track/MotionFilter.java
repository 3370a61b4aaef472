package dev.lookout.track;

/**
 * ByteTrack's constant-velocity Kalman filter on a box's (centre x, centre y, aspect w/h, height), with time steps
 * in seconds rather than frames, so skipped frames and variable frame rates keep the motion model right.
 *
 * <p>ByteTrack's matrices keep each coordinate independent of the others (its transition couples a coordinate
 * only with its own velocity, its noises are diagonal), so the 8-state filter is exactly four 2-state filters;
 * this class runs them side by side. The noises are ByteTrack's (position 1/20, velocity 1/160 of the height)
 * per 1/30 s, the rate its weights were tuned at; a step of {@code dt} seconds adds {@code dt·30} times that
 * process variance, as a random walk does.
 */
final class MotionFilter {

    /** The frame rate ByteTrack's noise weights are stated for. */
    static final double REFERENCE_FPS = 30;
    private static final double POSITION_WEIGHT = 1.0 / 20;
    private static final double VELOCITY_WEIGHT = 1.0 / 160;

    private final double[] x = new double[4];
    /** Velocity per second. */
    private final double[] v = new double[4];
    private final double[] p00 = new double[4];
    private final double[] p01 = new double[4];
    private final double[] p11 = new double[4];

    /** A filter at the box {@code (left, top, width, height)}, at rest, with ByteTrack's initial uncertainty. */
    MotionFilter(double left, double top, double width, double height) {
        measurement(left, top, width, height, x);
        double h = x[3];
        for (int k = 0; k < 4; k++) {
            double pos = k == 2 ? 1e-2 : 2 * POSITION_WEIGHT * h;
            double vel = (k == 2 ? 1e-5 : 10 * VELOCITY_WEIGHT * h) * REFERENCE_FPS;
            p00[k] = pos * pos;
            p11[k] = vel * vel;
        }
    }

    private static void measurement(double left, double top, double width, double height, double[] z) {
        double h = Math.max(height, 1e-6);
        z[0] = left + width / 2;
        z[1] = top + height / 2;
        z[2] = width / h;
        z[3] = h;
    }

    /** Moves the state {@code dt} seconds ahead ({@code dt ≥ 0}). */
    void predict(double dt) {
        if (dt <= 0) {
            return;
        }
        double steps = dt * REFERENCE_FPS;
        double h = x[3];
        for (int k = 0; k < 4; k++) {
            double pos = k == 2 ? 1e-2 : POSITION_WEIGHT * h;
            double vel = (k == 2 ? 1e-5 : VELOCITY_WEIGHT * h) * REFERENCE_FPS;
            x[k] += v[k] * dt;
            p00[k] += 2 * dt * p01[k] + dt * dt * p11[k] + pos * pos * steps;
            p01[k] += dt * p11[k];
            p11[k] += vel * vel * steps;
        }
        if (x[3] < 1e-3) {
            x[3] = 1e-3;
        }
    }

    /** Stops the height's change (ByteTrack zeroes it for tracks that are not being seen). */
    void holdHeight() {
        v[3] = 0;
    }

    /** Corrects the state with a measured box. */
    void update(double left, double top, double width, double height) {
        double[] z = new double[4];
        measurement(left, top, width, height, z);
        double h = x[3];
        for (int k = 0; k < 4; k++) {
            double r = k == 2 ? 1e-1 : POSITION_WEIGHT * h;
            double s = p00[k] + r * r;
            double k0 = p00[k] / s;
            double k1 = p01[k] / s;
            double residual = z[k] - x[k];
            x[k] += k0 * residual;
            v[k] += k1 * residual;
            double q00 = (1 - k0) * p00[k];
            double q01 = (1 - k0) * p01[k];
            double q11 = p11[k] - k1 * p01[k];
            p00[k] = q00;
            p01[k] = q01;
            p11[k] = q11;
        }
    }

    double centreX() {
        return x[0];
    }

    double centreY() {
        return x[1];
    }

    double height() {
        return x[3];
    }

    double width() {
        return x[2] * x[3];
    }

    double left() {
        return x[0] - width() / 2;
    }

    double top() {
        return x[1] - x[3] / 2;
    }

    /** Horizontal speed of the centre in pixels per second. */
    double speedX() {
        return v[0];
    }

    /** Vertical speed of the centre in pixels per second. */
    double speedY() {
        return v[1];
    }
}
