package dev.lookout.live;

/**
 * How a source is played.
 *
 * @param loop start a finished file again
 * @param fast read files as fast as possible instead of at their frame rate
 * @param intervalSeconds how long each image of a slideshow stays on screen
 */
public record PlaybackOptions(boolean loop, boolean fast, double intervalSeconds) {

    /** Files at their own pace, once; images every 2 seconds. */
    public static final PlaybackOptions DEFAULTS = new PlaybackOptions(false, false, 2.0);

    /** Validates the interval. */
    public PlaybackOptions {
        if (!(intervalSeconds > 0)) {
            throw new IllegalArgumentException("the slideshow interval must be more than 0 seconds, not "
                    + intervalSeconds);
        }
    }

    /** A copy that loops or not. */
    public PlaybackOptions withLoop(boolean value) {
        return new PlaybackOptions(value, fast, intervalSeconds);
    }
}
