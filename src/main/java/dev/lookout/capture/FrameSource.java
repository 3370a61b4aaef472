package dev.lookout.capture;

import java.io.IOException;

/**
 * Where frames come from: a camera, a video file, a network stream, or images. One abstraction for the
 * {@code detect} CLI, the live window and the recorder. A source is used by one thread at a time.
 */
public interface FrameSource extends AutoCloseable {

    /** A human-readable name safe for logs and screens (credentials in URLs are masked). */
    String description();

    /**
     * Reads the next frame; the caller owns it and must close it.
     *
     * @return the next frame, or {@code null} at the end of a finite source
     * @throws IOException when the source fails (camera unplugged, stream dropped, corrupt file)
     */
    Frame read() throws IOException;

    /** The source's nominal frame rate in frames per second, or 0 when it is unknown. */
    double frameRate();

    /** True for cameras and network streams, whose pace is set by the source; false for files and images. */
    boolean isLive();

    /** Releases the device, file or connection; idempotent. */
    @Override
    void close();
}
