package dev.lookout.record;

import dev.lookout.capture.MatImages;
import dev.lookout.capture.OpenCv;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.videoio.VideoWriter;

/**
 * The last resort when FFmpeg cannot be used: Motion-JPEG in AVI through OpenCV's built-in writer. It knows only
 * a constant frame rate (timestamps are ignored) and the file is unreadable if the process dies before
 * {@link #close()}, so it is chosen only when no FFmpeg encoder is available.
 */
final class MjpegAviSink implements VideoSink {

    private final Path path;
    private final int width;
    private final int height;
    private VideoWriter writer;

    private MjpegAviSink(Path path, int width, int height, VideoWriter writer) {
        this.path = path;
        this.width = width;
        this.height = height;
        this.writer = writer;
    }

    /** Opens {@code path} for a {@code width × height} MJPG AVI at {@code fps} (30 when unknown). */
    static MjpegAviSink open(Path path, int width, int height, double fps) throws IOException {
        OpenCv.load();
        VideoWriter writer = new VideoWriter(path.toAbsolutePath().toString(), VideoWriter.fourcc('M', 'J', 'P', 'G'),
                fps > 0 ? fps : 30, new Size(width, height), true);
        if (!writer.isOpened()) {
            OpenCv.release(writer);
            throw new IOException("OpenCV cannot write an MJPG AVI to " + path);
        }
        return new MjpegAviSink(path, width, height, writer);
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String format() {
        return VideoCodec.MJPEG_AVI.description();
    }

    @Override
    public void write(BufferedImage bgr, long timestampMicros) throws IOException {
        if (writer == null) {
            throw new IOException("the recording " + path + " is closed");
        }
        if (bgr.getWidth() != width || bgr.getHeight() != height) {
            throw new IllegalArgumentException("expected a " + width + "x" + height + " image");
        }
        Mat mat = MatImages.toMat(bgr);
        try {
            writer.write(mat);
        } finally {
            OpenCv.release(mat);
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            OpenCv.release(writer);
            writer = null;
        }
    }
}
