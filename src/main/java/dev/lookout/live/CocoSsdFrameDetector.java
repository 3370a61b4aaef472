package dev.lookout.live;

import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.DetectionResult;
import dev.lookout.detect.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.opencv.core.Mat;

/** Coco-SSD ({@link CocoSsdDetector}) as the live pipeline's detector. */
public final class CocoSsdFrameDetector implements FrameDetector {

    private final CocoSsdDetector detector;

    /** Wraps a loaded detector; closing this closes it. */
    public CocoSsdFrameDetector(CocoSsdDetector detector) {
        this.detector = detector;
    }

    /**
     * A loader for the pipeline's background thread.
     *
     * @param modelDir the model folder, or {@code null} for the shipped {@code models/coco-ssd/}
     */
    public static Callable<FrameDetector> loader(Path modelDir, Device device) {
        return () -> new CocoSsdFrameDetector(modelDir == null ? CocoSsdDetector.load(device)
                : CocoSsdDetector.load(modelDir, device));
    }

    @Override
    public DetectionResult detect(Mat bgr, DetectOptions options) {
        return detector.detect(bgr, options);
    }

    @Override
    public String provider() {
        return detector.provider();
    }

    @Override
    public List<String> classNames() {
        return detector.classNames();
    }

    @Override
    public void close() {
        detector.close();
    }
}
