package dev.lookout.live;

import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.DetectionResult;
import java.util.List;
import org.opencv.core.Mat;

/**
 * What the live pipeline needs from a detector: Coco-SSD in the application, the same detector slowed down in
 * tests. Called by one thread at a time (the pipeline's detection thread).
 */
public interface FrameDetector extends AutoCloseable {

    /** Detects objects in a BGR frame; the boxes are in the frame's pixels. */
    DetectionResult detect(Mat bgr, DetectOptions options);

    /** The execution provider in use, e.g. {@code CPU} or {@code CUDA}. */
    String provider();

    /** The class names the detector knows, in id order. */
    List<String> classNames();

    /** Releases the model; idempotent. */
    @Override
    void close();
}
