package dev.lookout.monitor;

/**
 * One camera's state and statistics at one moment.
 *
 * @param state what the source is doing
 * @param source the source as the user may see it (URL credentials masked)
 * @param fps frames per second arriving from the source (last few seconds)
 * @param detectFps frames per second detected (last few seconds)
 * @param framesDetected frames detected since start
 * @param skippedBusy frames replaced by newer ones while the detector was busy (with this camera or another)
 * @param skippedRate frames replaced by newer ones while the camera's {@code detect_fps} cap held detection off
 * @param skippedNoMotion frames skipped because nothing moved and no object was tracked
 * @param problem the last problem (redacted), or {@code null}
 */
public record CameraStatus(State state, String source, double fps, double detectFps, long framesDetected,
        long skippedBusy, long skippedRate, long skippedNoMotion, String problem) {

    /** What a camera's source is doing. */
    public enum State {
        /** Opening for the first time. */
        STARTING,
        /** Frames are flowing. */
        LIVE,
        /** No frame for a few seconds, still connected. */
        STALLED,
        /** Lost; trying again with backoff. */
        RECONNECTING,
        /** Gave up, or could not open at all; retried later. */
        OFFLINE,
        /** A file that played to its end (without {@code loop: true}). */
        ENDED
    }
}
