package dev.lookout.live;

/**
 * What the capture side is doing, for the status bar and the banner.
 *
 * @param kind the state
 * @param description the source's description (credentials masked)
 * @param message a sentence for the user (why it failed, when it retries), empty when there is nothing to say
 */
public record SourceState(Kind kind, String description, String message) {

    /** The states of a source. */
    public enum Kind {
        /** Opening the source. */
        OPENING,
        /** Frames are flowing. */
        PLAYING,
        /** A live source failed; retrying with backoff. */
        RECONNECTING,
        /** A file or image source reached its end. */
        ENDED,
        /** The source cannot be opened or read; the user must pick another. */
        FAILED,
        /** The pipeline was stopped. */
        STOPPED
    }
}
