package dev.lookout.live;

import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.DetectionResult;
import dev.lookout.detect.Device;
import dev.lookout.detect.ModelFiles;
import dev.lookout.detect.Precision;
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
        return loader(modelDir, device, Precision.FP32);
    }

    /** As {@link #loader(Path, Device)}, running the folder's {@code precision} model. */
    public static Callable<FrameDetector> loader(Path modelDir, Device device, Precision precision) {
        return () -> new CocoSsdFrameDetector(CocoSsdDetector.load(
                modelDir == null ? ModelFiles.findDefault().dir() : modelDir, device,
                message -> System.err.println("lookout: " + message), precision));
    }

    @Override
    public DetectionResult detect(Mat bgr, DetectOptions options) {
        return detector.detect(bgr, options);
    }

    @Override
    public String provider() {
        // the status bar shows this after "Coco-SSD on": say when the int8 model runs (fp32 stays unmarked)
        return detector.precision() == Precision.INT8 ? detector.provider() + " · int8" : detector.provider();
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
