package dev.lookout.monitor;

import dev.lookout.capture.OpenCv;
import dev.lookout.config.MotionConfig;
import dev.lookout.config.Point;
import dev.lookout.config.Polygon;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Decides cheaply whether a camera's picture changed: each frame is shrunk to {@link #WIDTH} pixels wide, turned
 * grey and blurred, and compared with the previous one; a frame moves when more than {@code minArea} of its
 * unmasked pixels changed by more than {@code threshold} grey levels. Masked areas (a clock, trees) never count.
 * The first frame counts as motion (there is nothing to compare it with). One camera's thread only; owns its Mats.
 */
final class MotionGate implements AutoCloseable {

    /** The width the comparison runs at: enough for a person at 20 m, a few hundred microseconds per frame. */
    static final int WIDTH = 160;

    private final MotionConfig config;
    private final Mat small = new Mat();
    private final Mat grey = new Mat();
    private final Mat diff = new Mat();
    private Mat previous;
    private Mat mask;
    private int maskedPixels;

    MotionGate(MotionConfig config) {
        this.config = config;
    }

    /** True when the gate is off, on the first frame, or when {@code bgr} moved against the previous frame. */
    boolean moved(Mat bgr) {
        if (!config.enabled()) {
            return true;
        }
        int height = Math.max(1, Math.round((float) bgr.rows() * WIDTH / bgr.cols()));
        Imgproc.resize(bgr, small, new Size(WIDTH, height), 0, 0, Imgproc.INTER_AREA);
        Imgproc.cvtColor(small, grey, bgr.channels() == 4 ? Imgproc.COLOR_BGRA2GRAY : Imgproc.COLOR_BGR2GRAY);
        Imgproc.GaussianBlur(grey, grey, new Size(5, 5), 0);
        if (previous == null || previous.rows() != grey.rows()) {
            release();
            previous = grey.clone();
            mask = maskFor(config.masks(), WIDTH, height, bgr.cols(), bgr.rows());
            maskedPixels = mask == null ? WIDTH * height : Core.countNonZero(mask);
            return true;
        }
        Core.absdiff(grey, previous, diff);
        grey.copyTo(previous);
        Imgproc.threshold(diff, diff, config.threshold(), 255, Imgproc.THRESH_BINARY);
        if (mask != null) {
            Core.bitwise_and(diff, mask, diff);
        }
        int changed = Core.countNonZero(diff);
        return maskedPixels > 0 && changed > config.minArea() * maskedPixels;
    }

    /** 255 where motion counts, 0 under the masks; null without masks. */
    private static Mat maskFor(List<Polygon> masks, int width, int height, int sourceWidth, int sourceHeight) {
        if (masks.isEmpty()) {
            return null;
        }
        Mat m = new Mat(height, width, CvType.CV_8UC1, new Scalar(255));
        for (Polygon polygon : masks) {
            org.opencv.core.Point[] pts = new org.opencv.core.Point[polygon.points().size()];
            for (int i = 0; i < pts.length; i++) {
                Point p = polygon.points().get(i);
                // pixel masks are in the source's pixels: scale them as the frame was scaled
                double sx = polygon.fractions() ? width : (double) width / sourceWidth;
                double sy = polygon.fractions() ? height : (double) height / sourceHeight;
                pts[i] = new org.opencv.core.Point(p.x() * sx, p.y() * sy);
            }
            MatOfPoint poly = new MatOfPoint(pts);
            Imgproc.fillPoly(m, List.of(poly), new Scalar(0));
            OpenCv.release(poly);
        }
        return m;
    }

    private void release() {
        if (previous != null) {
            OpenCv.release(previous);
            previous = null;
        }
        if (mask != null) {
            OpenCv.release(mask);
            mask = null;
        }
    }

    @Override
    public void close() {
        release();
        OpenCv.release(small);
        OpenCv.release(grey);
        OpenCv.release(diff);
    }
}
