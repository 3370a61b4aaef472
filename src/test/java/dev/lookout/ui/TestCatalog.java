package dev.lookout.ui;

import dev.lookout.capture.Frame;
import dev.lookout.capture.FrameSource;
import dev.lookout.capture.OpenCv;
import dev.lookout.capture.SourceStateListener;
import dev.lookout.live.PlaybackOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Test-only sources for the window: a still image (decoded by OpenCV, lossless PNGs give exact pixels) that is a
 * one-frame file, and "camera" specs that fail like a machine without a camera.
 */
class TestCatalog implements SourceCatalog {

    @Override
    public FrameSource open(String spec, PlaybackOptions playback, SourceStateListener states) throws IOException {
        if (isCamera(spec)) {
            throw new IOException("no camera at index " + spec);
        }
        Path path = Path.of(spec);
        if (!Files.exists(path)) {
            throw new IOException("no such file: " + spec);
        }
        return new StillImage(path);
    }

    @Override
    public String describe(String spec) {
        return isCamera(spec) ? "camera " + spec : Path.of(spec).getFileName().toString();
    }

    @Override
    public boolean isCamera(String spec) {
        return spec.matches("\\d+");
    }

    @Override
    public List<Integer> cameras() {
        return List.of();
    }

    /** One decoded image, read once. */
    static final class StillImage implements FrameSource {
        private final Path path;
        private boolean done;

        StillImage(Path path) throws IOException {
            OpenCv.load();
            this.path = path;
            if (!Files.isRegularFile(path)) {
                throw new IOException("no such file: " + path);
            }
        }

        @Override
        public String description() {
            return path.getFileName().toString();
        }

        @Override
        public Frame read() throws IOException {
            if (done) {
                return null;
            }
            done = true;
            Mat m = Imgcodecs.imread(path.toString(), Imgcodecs.IMREAD_COLOR);
            if (m.empty()) {
                m.release();
                throw new IOException("not an image: " + path);
            }
            return new Frame(m, 0, 0, System.nanoTime());
        }

        @Override
        public double frameRate() {
            return 0;
        }

        @Override
        public boolean isLive() {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
