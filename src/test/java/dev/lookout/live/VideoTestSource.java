package dev.lookout.live;

import dev.lookout.capture.Frame;
import dev.lookout.capture.FrameSource;
import dev.lookout.testsupport.FfmpegTestSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Test-only: real video frames (vtest.avi, read by {@link FfmpegTestSource}) for the pipeline tests, optionally
 * reported as "live" and failing after a number of frames.
 */
final class VideoTestSource implements FrameSource {

    private final FfmpegTestSource video;
    private final boolean live;
    private final int failAfter;
    private final AtomicBoolean closed = new AtomicBoolean();
    private long index;

    /**
     * @param limit stop (end) after this many frames
     * @param live whether to report a live source
     * @param failAfter throw IOException on the read after this many frames (-1: never)
     */
    VideoTestSource(Path file, int limit, boolean live, int failAfter) throws IOException {
        this.video = new FfmpegTestSource(file, limit);
        this.live = live;
        this.failAfter = failAfter;
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
        Frame f = video.read();
        if (f != null) {
            index++;
        }
        return f;
    }

    @Override
    public double frameRate() {
        return video.frameRate();
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
            video.close();
        }
    }
}
