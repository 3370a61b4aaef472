package dev.lookout.testsupport;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import dev.lookout.capture.Frame;
import dev.lookout.capture.FrameSource;
import dev.lookout.capture.OpenCv;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * A video file as a {@link FrameSource}, read with javacv's FFmpeg, optionally cut after N frames: lets the
 * recording tests drive commands with real video independently of the capture package's sources.
 */
public final class FfmpegTestSource implements FrameSource {

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final long maxFrames;
    private long index;

    /** Opens {@code file}; at most {@code maxFrames} frames are read (≤ 0: all). */
    public FfmpegTestSource(Path file, long maxFrames) throws IOException {
        OpenCv.load();
        av_log_set_level(AV_LOG_ERROR);
        this.file = file;
        this.maxFrames = maxFrames;
        this.grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(AV_PIX_FMT_BGR24);
        try {
            grabber.start();
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new IOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return file.getFileName().toString();
    }

    @Override
    public Frame read() throws IOException {
        if (maxFrames > 0 && index >= maxFrames) {
            return null;
        }
        org.bytedeco.javacv.Frame f;
        try {
            f = grabber.grabImage();
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new IOException(e.getMessage(), e);
        }
        if (f == null) {
            return null;
        }
        Mat mat = new Mat(f.imageHeight, f.imageWidth, CvType.CV_8UC3);
        ByteBuffer buffer = (ByteBuffer) f.image[0];
        byte[] row = new byte[f.imageWidth * 3];
        for (int y = 0; y < f.imageHeight; y++) {
            buffer.position(y * f.imageStride);
            buffer.get(row);
            mat.put(y, 0, row);
        }
        return new Frame(mat, index++, f.timestamp, System.nanoTime());
    }

    @Override
    public double frameRate() {
        return grabber.getFrameRate();
    }

    @Override
    public boolean isLive() {
        return false;
    }

    @Override
    public void close() {
        try {
            grabber.close();
        } catch (org.bytedeco.javacv.FrameGrabber.Exception e) {
            // closing a file that was read: nothing to report
        }
    }
}
