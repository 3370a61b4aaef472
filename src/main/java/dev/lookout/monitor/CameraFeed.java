package dev.lookout.monitor;

import dev.lookout.notify.CameraCounts;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the web page, the HTTP API and the camera wall read about one monitored camera. Every method returns at
 * once and is safe from any thread; nothing here exposes a source URL with its password.
 */
public interface CameraFeed {

    /** The camera's name in {@code lookout.yml} (safe for paths and topics). */
    String name();

    /** The camera's state and statistics now. */
    CameraStatus status();

    /** The newest frame with its overlay (boxes, ids, lines, zones) as JPEG, or empty before the first frame. */
    Optional<byte[]> latestJpeg();

    /**
     * Registers a listener for each new annotated frame as JPEG (for MJPEG streams), called on the camera's own
     * thread: it must return at once (hand the bytes to a bounded queue). Returns a handle that unregisters it.
     */
    AutoCloseable onFrame(Consumer<byte[]> jpegListener);

    /** Objects per class now, per zone, and line totals. */
    CameraCounts counts();

    /**
     * Registers a listener for every frame the camera reads, with its tracked boxes and overlay (for a window that
     * paints the camera at its full rate); see {@link CameraFrameListener} for what it must not do. Returns a
     * handle that unregisters it. Feeds that cannot offer raw frames throw {@link UnsupportedOperationException}.
     */
    default AutoCloseable onCameraFrame(CameraFrameListener listener) {
        throw new UnsupportedOperationException(name() + " does not offer its frames");
    }
}
