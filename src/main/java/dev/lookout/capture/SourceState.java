package dev.lookout.capture;

import java.time.Duration;
import java.util.Locale;

/**
 * What a source is doing, for a status bar, a banner, a log line or a monitor: the one channel through which a
 * source's state reaches its user. Reconnecting sources report LIVE, STALLED, RECONNECTING and OFFLINE themselves
 * ({@link ReconnectingFrameSource}); a player that reads a source adds OPENING, ENDED and STOPPED.
 *
 * @param kind the state
 * @param source the source's description (credentials masked)
 * @param message one sentence for the user (why, what happens next), empty when there is nothing to say
 * @param attempt the reconnection attempt about to be made (1, 2, ...) while RECONNECTING, else 0
 * @param nextDelay the wait before that attempt while RECONNECTING, else {@link Duration#ZERO}
 */
public record SourceState(Kind kind, String source, String message, int attempt, Duration nextDelay) {

    /** The states of a source. */
    public enum Kind {
        /** Being opened. */
        OPENING,
        /** Frames are arriving (a camera or stream is connected, a file is playing). */
        LIVE,
        /** Connected, but no frame came for a few seconds; the source has not failed (yet). */
        STALLED,
        /** The source failed or ended; a new attempt follows after {@code nextDelay}. */
        RECONNECTING,
        /** The source cannot be opened or read, and no more attempts are made. */
        OFFLINE,
        /** A finite source (file, images) reached its end. */
        ENDED,
        /** Its reader stopped it (another source was chosen, or the program is closing). */
        STOPPED
    }

    /** A state without a reconnection attempt. */
    public static SourceState of(Kind kind, String source, String message) {
        return new SourceState(kind, source, message == null ? "" : message, 0, Duration.ZERO);
    }

    /** Reconnection attempt {@code attempt} after {@code delay}, because of {@code reason}. */
    public static SourceState reconnecting(String source, int attempt, Duration delay, String reason) {
        return new SourceState(Kind.RECONNECTING, source, String.format(Locale.ROOT,
                "reconnecting to %s in %.1f s (attempt %d): %s", source, delay.toMillis() / 1000.0, attempt, reason),
                attempt, delay);
    }

    /** The same state under another name (a player names its source as the user chose it). */
    public SourceState withSource(String name) {
        return new SourceState(kind, name, message, attempt, nextDelay);
    }

    /**
     * A one-line text: the message, e.g. "reconnecting to rtsp://***@cam/live in 2.0 s (attempt 3): Connection
     * refused", or without one what the state means, e.g. "connected to rtsp://***@cam/live".
     */
    public String describe() {
        if (!message.isEmpty()) {
            return message;
        }
        return switch (kind) {
            case LIVE -> "connected to " + source;
            case OPENING -> "opening " + source;
            default -> kind.toString().toLowerCase(Locale.ROOT) + ": " + source;
        };
    }
}
