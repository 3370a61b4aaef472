package dev.lookout.track;

/** Box arithmetic shared by the tracker and its metrics. */
public final class Boxes {

    private Boxes() {
    }

    /** Intersection over union of two boxes given as corners; 0 when either is empty. */
    public static double iou(double l1, double t1, double r1, double b1, double l2, double t2, double r2, double b2) {
        double w = Math.min(r1, r2) - Math.max(l1, l2);
        double h = Math.min(b1, b2) - Math.max(t1, t2);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        double union = (r1 - l1) * (b1 - t1) + (r2 - l2) * (b2 - t2) - inter;
        return union > 0 ? inter / union : 0;
    }

    /** Intersection over union of two boxes given as {@code x, y, width, height}. */
    public static double iouXywh(double x1, double y1, double w1, double h1, double x2, double y2, double w2,
            double h2) {
        return iou(x1, y1, x1 + w1, y1 + h1, x2, y2, x2 + w2, y2 + h2);
    }
}
