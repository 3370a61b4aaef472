package dev.lookout.cli;

import dev.lookout.Failures;
import dev.lookout.capture.OpenCv;
import org.opencv.core.MatOfByte;
import dev.lookout.capture.MatImages;
import dev.lookout.detect.Detection;
import dev.lookout.overlay.DetectionPainter;
import dev.lookout.overlay.OverlayPainter;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Writes {@code --annotate} copies: each image or frame with its detections drawn by the same
 * {@link DetectionPainter} as the live overlay, into one folder, never overwriting an earlier file of the run.
 */
final class Annotator {

    private static final Set<String> KEPT_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp");

    private final Path dir;
    private OverlayPainter painter = new DetectionPainter();
    private final Set<String> used = new HashSet<>();
    private BufferedImage canvas;

    /** Creates the folder if needed. */
    Annotator(Path dir) throws IOException {
        this.dir = dir;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("the --annotate folder " + dir + " is a file, not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create the --annotate folder " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("cannot write into the --annotate folder " + dir);
        }
    }

    /** Draws with {@code value} from now on (the tracking overlay of a video); returns this annotator. */
    Annotator withPainter(OverlayPainter value) {
        this.painter = value != null ? value : new DetectionPainter();
        return this;
    }

    /** Annotates an image file: written under its own name (PNG unless it was JPEG, PNG or BMP). */
    Path writeImage(Mat bgr, List<Detection> detections, Path source) throws IOException {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        return write(bgr, detections, stem, KEPT_EXTENSIONS.contains(ext) ? ext : "png");
    }

    /** Annotates a video frame: {@code <video name>-frame000123.jpg} ({@code stream-...} for URLs). */
    Path writeFrame(Mat bgr, List<Detection> detections, String video, long frame) throws IOException {
        String name = video.contains("://") ? "stream" : Path.of(video).getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0 ? name.substring(0, dot) : name) + String.format(Locale.ROOT, "-frame%06d", frame);
        return write(bgr, detections, stem, "jpg");
    }

    private Path write(Mat bgr, List<Detection> detections, String stem, String ext) throws IOException {
        canvas = MatImages.toBufferedImage(bgr, canvas);
        Graphics2D g = canvas.createGraphics();
        try {
            painter.paint(g, detections, canvas.getWidth(), canvas.getHeight());
        } finally {
            g.dispose();
        }
        Path target = uniqueTarget(stem, ext);
        Mat painted = MatImages.toMat(canvas);
        MatOfByte encoded = new MatOfByte();
        try {
            if (!Imgcodecs.imencode("." + ext, painted, encoded)) {
                throw new IOException("cannot encode annotated image " + target);
            }
            Files.write(target, encoded.toArray());
        } catch (IOException e) {
            throw new IOException("cannot write annotated image " + target + ": " + Failures.reason(e), e);
        } finally {
            OpenCv.release(encoded);
            OpenCv.release(painted);
        }
        return target;
    }

    private Path uniqueTarget(String stem, String ext) {
        String candidate = stem + "." + ext;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = stem + "-" + n + "." + ext;
        }
        return dir.resolve(candidate);
    }
}
