package dev.lookout.live;

import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.Detection;
import dev.lookout.detect.DetectionResult;
import dev.lookout.detect.Timings;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.HOGDescriptor;

/**
 * Test-only: a real but different detector — OpenCV's HOG pedestrian detector — for testing the pipeline's
 * threading (it takes ~100 ms a frame, so a 10 fps video makes it skip frames) independently of Coco-SSD.
 */
final class HogPeopleDetector implements FrameDetector {

    private final HOGDescriptor hog;
    private final long extraDelayMillis;
    private volatile boolean closed;
    volatile int calls;

    /** @param extraDelayMillis sleep this long per frame on top of the detection (a slower machine) */
    HogPeopleDetector(long extraDelayMillis) {
        dev.lookout.capture.OpenCv.load();
        hog = new HOGDescriptor();
        hog.setSVMDetector(HOGDescriptor.getDefaultPeopleDetector());
        this.extraDelayMillis = extraDelayMillis;
    }

    @Override
    public DetectionResult detect(Mat bgr, DetectOptions options) {
        if (closed) {
            throw new IllegalStateException("detector is closed");
        }
        calls++;
        long start = System.nanoTime();
        List<Detection> found = new ArrayList<>();
        try (var rects = new Closer<>(new MatOfRect()); var weights = new Closer<>(new MatOfDouble());
                var small = new Closer<>(new Mat())) {
            // Half size: fast enough (tens of ms) that closing the pipeline never waits long for a detection.
            Imgproc.resize(bgr, small.mat, new Size(bgr.cols() / 2.0, bgr.rows() / 2.0));
            hog.detectMultiScale(small.mat, rects.mat, weights.mat);
            Rect[] r = rects.mat.empty() ? new Rect[0] : rects.mat.toArray();
            double[] w = r.length == 0 ? new double[0] : weights.mat.toArray();
            for (int i = 0; i < r.length && found.size() < options.maxNumBoxes(); i++) {
                double score = Math.min(1.0, w[i]);
                if (score > options.minScore()) {
                    found.add(new Detection(2.0 * r[i].x, 2.0 * r[i].y, 2.0 * r[i].width, 2.0 * r[i].height,
                            "person", score));
                }
            }
        }
        if (extraDelayMillis > 0) {
            try {
                Thread.sleep(extraDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long took = System.nanoTime() - start;
        return new DetectionResult(found, bgr.cols(), bgr.rows(), new Timings(0, took, 0));
    }

    @Override
    public String provider() {
        return "HOG";
    }

    @Override
    public List<String> classNames() {
        return List.of("person");
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    private record Closer<T extends Mat>(T mat) implements AutoCloseable {
        @Override
        public void close() {
            mat.release();
        }
    }
}
