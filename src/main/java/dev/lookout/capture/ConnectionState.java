package dev.lookout.capture;

import java.time.Duration;

/**
 * A connection state change of a {@link ReconnectingFrameSource}, for a status line or banner.
 *
 * @param status what happened
 * @param attempt the number of the reconnection attempt about to be made (1, 2, ...), 0 when connected
 * @param nextDelay the wait before that attempt ({@link Duration#ZERO} unless reconnecting)
 * @param reason why the connection was lost or the attempt failed (credentials masked), or null when connected
 * @param source the source's description (credentials masked)
 */
public record ConnectionState(Status status, int attempt, Duration nextDelay, String reason, String source) {

    /** The connection's state. */
    public enum Status {
        /** Frames are flowing (first open, or after a successful reconnection). */
        CONNECTED,
        /** The source failed or ended; a new attempt follows after {@code nextDelay}. */
        RECONNECTING,
        /** Reconnection gave up after the configured number of attempts; {@code read()} now throws. */
        FAILED
    }

    /** A one-line text for the user, e.g. "reconnecting to rtsp://***@cam/live in 2.0 s (attempt 3): ...". */
    public String describe() {
        return switch (status) {
            case CONNECTED -> "connected to " + source;
            case RECONNECTING -> String.format("reconnecting to %s in %.1f s (attempt %d): %s",
                    source, nextDelay.toMillis() / 1000.0, attempt, reason);
            case FAILED -> "gave up reconnecting to " + source + ": " + reason;
        };
    }
}
