package dev.lookout.record;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import dev.lookout.capture.Frame;
import dev.lookout.capture.OpenCv;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** Reads real video files with the bundled FFmpeg (javacv), for writing test recordings and checking them. */
final class TestVideo implements AutoCloseable {

    private final FFmpegFrameGrabber grabber;
    private long index;

    private TestVideo(FFmpegFrameGrabber grabber) {
        this.grabber = grabber;
    }

    /** Opens {@code file}, decoding to BGR. */
    static TestVideo open(Path file) throws Exception {
        OpenCv.load();
        av_log_set_level(AV_LOG_ERROR);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(AV_PIX_FMT_BGR24);
        grabber.start();
        return new TestVideo(grabber);
    }

    /** The container's frame rate. */
    double frameRate() {
        return grabber.getFrameRate();
    }

    /** The duration FFmpeg reports, in microseconds. */
    long lengthMicros() {
        return grabber.getLengthInTime();
    }

    int width() {
        return grabber.getImageWidth();
    }

    int height() {
        return grabber.getImageHeight();
    }

    /** The next decoded frame as a {@link Frame} (BGR Mat + timestamp), or null at the end. */
    Frame next() throws Exception {
        org.bytedeco.javacv.Frame f = grabber.grabImage();
        if (f == null) {
            return null;
        }
        Mat mat = new Mat(f.imageHeight, f.imageWidth, CvType.CV_8UC3);
        ByteBuffer buffer = (ByteBuffer) f.image[0];
        int rowBytes = f.imageWidth * 3;
        byte[] row = new byte[rowBytes];
        for (int y = 0; y < f.imageHeight; y++) {
            buffer.position(y * f.imageStride);
            buffer.get(row, 0, rowBytes);
            mat.put(y, 0, row);
        }
        return new Frame(mat, index++, f.timestamp, System.nanoTime());
    }

    /** All frames' timestamps (µs) of {@code file}, decoding everything: the independent check of a recording. */
    static List<Long> timestamps(Path file) throws Exception {
        List<Long> result = new ArrayList<>();
        try (TestVideo video = open(file)) {
            for (Frame f = video.next(); f != null; f = video.next()) {
                result.add(f.timestampMicros());
                f.close();
            }
        }
        return result;
    }

    @Override
    public void close() throws Exception {
        grabber.close();
    }
}
