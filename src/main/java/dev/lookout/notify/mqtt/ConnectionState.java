package dev.lookout.notify.mqtt;

import java.time.Duration;

/**
 * A state change of the connection to the MQTT broker, for a log line or the remote-events view.
 *
 * @param status what happened
 * @param attempt the number of the reconnection attempt about to be made (1, 2, ...), 0 when connected
 * @param nextDelay the wait before that attempt ({@link Duration#ZERO} unless reconnecting)
 * @param reason why the connection was lost or the attempt failed (credentials masked), or null when connected
 * @param source the broker (credentials masked)
 */
public record ConnectionState(Status status, int attempt, Duration nextDelay, String reason, String source) {

    /** The connection's state. */
    public enum Status {
        /** Connected (first connection, or after a successful reconnection). */
        CONNECTED,
        /** The connection failed or was lost; a new attempt follows after {@code nextDelay}. */
        RECONNECTING,
        /** Reconnection gave up after the configured number of attempts; no more attempts are made. */
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
