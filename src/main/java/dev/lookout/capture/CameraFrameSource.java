package dev.lookout.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencv.core.Mat;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

/**
 * Frames from a local camera through OpenCV's {@code VideoCapture} (V4L2 on Linux, the platform default
 * elsewhere). Live: timestamps count from opening. A requested size is asked of the driver, which keeps its
 * nearest supported size when it does not offer that one; {@link #width()} and {@link #height()} tell what it chose.
 */
public final class CameraFrameSource implements FrameSource {

    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    // a camera that delivers nothing for this many reads in a row has stopped (unplugged, taken by another app)
    private static final int MAX_EMPTY_READS = 5;

    private final VideoCapture capture;
    private final int index;
    private final int width;
    private final int height;
    private final double frameRate;
    private final long openedNanos;
    private long nextIndex;
    private volatile boolean closed;

    private CameraFrameSource(VideoCapture capture, int index) {
        this.capture = capture;
        this.index = index;
        this.width = (int) capture.get(Videoio.CAP_PROP_FRAME_WIDTH);
        this.height = (int) capture.get(Videoio.CAP_PROP_FRAME_HEIGHT);
        double fps = capture.get(Videoio.CAP_PROP_FPS);
        this.frameRate = Double.isFinite(fps) && fps > 0 && fps < 1000 ? fps : 0;
        this.openedNanos = System.nanoTime();
    }

    /**
     * Opens camera {@code index}.
     *
     * @param size the capture size to ask for, or null for the camera's default
     * @throws IOException when there is no camera at that index or it cannot be opened (busy, no permission)
     */
    public static CameraFrameSource open(int index, FrameSize size) throws IOException {
        if (index < 0) {
            throw new IOException("a camera index is 0 or more, not " + index);
        }
        OpenCv.load();
        // on Linux a missing device node answers at once and without OpenCV's console warnings
        if (LINUX && !Files.exists(devicePath(index))) {
            throw new IOException("no camera at index " + index + " (" + devicePath(index) + " does not exist)");
        }
        VideoCapture capture = LINUX ? new VideoCapture(index, Videoio.CAP_V4L2) : new VideoCapture(index);
        if (!capture.isOpened()) {
            OpenCv.release(capture);
            throw new IOException("cannot open camera " + index
                    + " (it may be in use by another program, or access is not permitted)");
        }
        if (size != null) {
            capture.set(Videoio.CAP_PROP_FRAME_WIDTH, size.width());
            capture.set(Videoio.CAP_PROP_FRAME_HEIGHT, size.height());
        }
        return new CameraFrameSource(capture, index);
    }

    /**
     * The indices among {@code 0..maxIndex} at which a camera opens, in order. Quick: on Linux only existing
     * {@code /dev/videoN} nodes are tried.
     */
    public static List<Integer> availableCameras(int maxIndex) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i <= maxIndex; i++) {
            try (CameraFrameSource camera = open(i, null)) {
                found.add(camera.index);
            } catch (IOException absent) {
                // not a camera; keep looking
            }
        }
        return found;
    }

    private static Path devicePath(int index) {
        return Path.of("/dev/video" + index);
    }

    @Override
    public String description() {
        return "camera " + index;
    }

    /** The capture width the camera chose. */
    public int width() {
        return width;
    }

    /** The capture height the camera chose. */
    public int height() {
        return height;
    }

    @Override
    public synchronized Frame read() throws IOException {
        if (closed) {
            throw new IOException(description() + " is closed");
        }
        for (int attempt = 0; attempt < MAX_EMPTY_READS; attempt++) {
            Mat image = new Mat();
            if (capture.read(image) && !image.empty()) {
                long captured = System.nanoTime();
                return new Frame(image, nextIndex++, (captured - openedNanos) / 1000, captured);
            }
            OpenCv.release(image);
        }
        throw new IOException(description() + " stopped delivering frames (unplugged, or taken by another program?)");
    }

    @Override
    public double frameRate() {
        return frameRate;
    }

    @Override
    public boolean isLive() {
        return true;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            OpenCv.release(capture);
        }
    }
}
