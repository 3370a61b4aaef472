package dev.lookout.capture;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link FrameSources#open} opens and plays a source. Immutable: start from {@link #defaults()} and change
 * what you need with the {@code with...} methods.
 *
 * @param cameraSize the capture size asked of a camera, or null for the camera's default; a camera that does not
 *     offer it delivers its nearest size
 * @param fast read files and images as fast as the consumer takes them, instead of at their own frame rate
 * @param loop start a file or image folder again at its end (frame indices keep increasing)
 * @param imageInterval how long each image of a slideshow is shown when paced
 * @param networkTimeout how long opening or reading a network stream may stall before it counts as failed
 * @param reconnect reopen cameras and streams that fail or end (after the first successful open)
 * @param reconnectInitialDelay the wait before the first reconnection attempt; it doubles with each failure
 * @param reconnectMaxDelay the longest wait between reconnection attempts
 * @param reconnectMaxAttempts consecutive failed attempts before giving up, or 0 to try forever
 * @param stallAfter how long a connected live source may go without a frame before it is reported STALLED
 * @param stateListener told about every state change of a reconnecting source, or null
 */
public record SourceOptions(
        FrameSize cameraSize,
        boolean fast,
        boolean loop,
        Duration imageInterval,
        Duration networkTimeout,
        boolean reconnect,
        Duration reconnectInitialDelay,
        Duration reconnectMaxDelay,
        int reconnectMaxAttempts,
        Duration stallAfter,
        SourceStateListener stateListener) {

    /** Checks the durations and counts. */
    public SourceOptions {
        requirePositive(imageInterval, "imageInterval");
        requirePositive(networkTimeout, "networkTimeout");
        requirePositive(reconnectInitialDelay, "reconnectInitialDelay");
        requirePositive(reconnectMaxDelay, "reconnectMaxDelay");
        requirePositive(stallAfter, "stallAfter");
        if (reconnectMaxAttempts < 0) {
            throw new IllegalArgumentException("reconnectMaxAttempts must be 0 (forever) or more");
        }
    }

    /**
     * Paced playback without looping, 2 s per image, 5 s network timeout, reconnection after 0.5 s doubling to
     * 10 s, forever, STALLED after 3 s without a frame.
     */
    public static SourceOptions defaults() {
        return new SourceOptions(null, false, false, Duration.ofSeconds(2), Duration.ofSeconds(5), true,
                Duration.ofMillis(500), Duration.ofSeconds(10), 0, Duration.ofSeconds(3), null);
    }

    /** With a requested camera size, or null for the camera's default. */
    public SourceOptions withCameraSize(FrameSize size) {
        return new SourceOptions(size, fast, loop, imageInterval, networkTimeout, reconnect, reconnectInitialDelay,
                reconnectMaxDelay, reconnectMaxAttempts, stallAfter, stateListener);
    }

    /** With or without pacing of files and images. */
    public SourceOptions withFast(boolean noPacing) {
        return new SourceOptions(cameraSize, noPacing, loop, imageInterval, networkTimeout, reconnect,
                reconnectInitialDelay, reconnectMaxDelay, reconnectMaxAttempts, stallAfter, stateListener);
    }

    /** With or without looping of files and images. */
    public SourceOptions withLoop(boolean repeat) {
        return new SourceOptions(cameraSize, fast, repeat, imageInterval, networkTimeout, reconnect,
                reconnectInitialDelay, reconnectMaxDelay, reconnectMaxAttempts, stallAfter, stateListener);
    }

    /** With another time per slideshow image. */
    public SourceOptions withImageInterval(Duration interval) {
        return new SourceOptions(cameraSize, fast, loop, interval, networkTimeout, reconnect, reconnectInitialDelay,
                reconnectMaxDelay, reconnectMaxAttempts, stallAfter, stateListener);
    }

    /** With another network open/read timeout. */
    public SourceOptions withNetworkTimeout(Duration timeout) {
        return new SourceOptions(cameraSize, fast, loop, imageInterval, timeout, reconnect, reconnectInitialDelay,
                reconnectMaxDelay, reconnectMaxAttempts, stallAfter, stateListener);
    }

    /** With or without reconnection of live sources. */
    public SourceOptions withReconnect(boolean enabled) {
        return new SourceOptions(cameraSize, fast, loop, imageInterval, networkTimeout, enabled,
                reconnectInitialDelay, reconnectMaxDelay, reconnectMaxAttempts, stallAfter, stateListener);
    }

    /** With another reconnection backoff: the first wait, the longest wait, and attempts (0 = forever). */
    public SourceOptions withReconnectBackoff(Duration initialDelay, Duration maxDelay, int maxAttempts) {
        return new SourceOptions(cameraSize, fast, loop, imageInterval, networkTimeout, reconnect, initialDelay,
                maxDelay, maxAttempts, stallAfter, stateListener);
    }

    /** With another time without frames after which a connected live source counts as stalled. */
    public SourceOptions withStallAfter(Duration value) {
        return new SourceOptions(cameraSize, fast, loop, imageInterval, networkTimeout, reconnect,
                reconnectInitialDelay, reconnectMaxDelay, reconnectMaxAttempts, value, stateListener);
    }

    /** With a listener for state changes (called on the reading thread, STALLED on a timer thread). */
    public SourceOptions withStateListener(SourceStateListener listener) {
        return new SourceOptions(cameraSize, fast, loop, imageInterval, networkTimeout, reconnect,
                reconnectInitialDelay, reconnectMaxDelay, reconnectMaxAttempts, stallAfter, listener);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + d);
        }
    }
}
