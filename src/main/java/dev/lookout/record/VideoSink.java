package dev.lookout.record;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An encoder and container that annotated frames are written to, one frame at a time, from a single thread.
 * Implementations: {@link FfmpegMp4Sink} (fragmented MP4, H.264 or MPEG-4 Part 2) and {@link MjpegAviSink}
 * (OpenCV's MJPG AVI, the last resort).
 */
interface VideoSink extends AutoCloseable {

    /** The file being written. */
    Path path();

    /** What is written, for the user, e.g. {@code MP4 / H.264 (libopenh264)}. */
    String format();

    /**
     * Encodes one frame.
     *
     * @param bgr a {@code TYPE_3BYTE_BGR} image of the size the sink was opened with
     * @param timestampMicros the frame's presentation time since the start of the recording
     * @throws IOException when the frame cannot be written (disk full, folder gone); the sink is then unusable
     *     but what was written before stays playable
     */
    void write(BufferedImage bgr, long timestampMicros) throws IOException;

    /** Flushes the encoder and finalizes the file; idempotent. */
    @Override
    void close() throws IOException;
}
