package dev.lookout.live;

import dev.lookout.capture.Frame;
import dev.lookout.capture.FrameSource;
import dev.lookout.capture.OpenCv;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Test-only: real video frames (vtest.avi) decoded with javacv's FFmpeg, for the pipeline tests, until the capture
 * engineer's {@code FfmpegFrameSource} is on main. Optionally "live" and failing after a number of frames.
 */
final class VideoTestSource implements FrameSource {

    private final FFmpegFrameGrabber grabber;
    private final int limit;
    private final boolean live;
    private final int failAfter;
    private final AtomicBoolean closed = new AtomicBoolean();
    private byte[] row;
    private long index;

    /**
     * @param limit stop (end) after this many frames
     * @param live whether to report a live source
     * @param failAfter throw IOException on the read after this many frames (-1: never)
     */
    VideoTestSource(Path file, int limit, boolean live, int failAfter) throws IOException {
        OpenCv.load();
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        this.limit = limit;
        this.live = live;
        this.failAfter = failAfter;
        grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        grabber.start();
    }

    @Override
    public String description() {
        return "test video";
    }

    @Override
    public Frame read() throws IOException {
        if (failAfter >= 0 && index >= failAfter) {
            throw new IOException("test source failed on purpose after " + failAfter + " frames");
        }
        if (index >= limit) {
            return null;
        }
        org.bytedeco.javacv.Frame f = grabber.grabImage();
        if (f == null) {
            return null;
        }
        int w = f.imageWidth;
        int h = f.imageHeight;
        int stride = f.imageStride;
        ByteBuffer buf = (ByteBuffer) f.image[0];
        Mat mat = new Mat(h, w, CvType.CV_8UC3);
        if (row == null || row.length != w * 3) {
            row = new byte[w * 3];
        }
        for (int y = 0; y < h; y++) {
            buf.position(y * stride);
            buf.get(row, 0, w * 3);
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
        return live;
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                grabber.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
