package dev.lookout.record;

/**
 * Hears how a recording goes. Called on the recorder's writer thread: a Swing window must hand the news to the
 * event thread ({@code SwingUtilities.invokeLater}). Every method has an empty default.
 */
public interface RecorderListener {

    /** The first frame was encoded: the file exists and plays from now on. */
    default void recordingStarted(AnnotatedRecorder recorder) {
    }

    /**
     * Writing failed (disk full, folder removed, encoder error): the recording stopped, the frames written so far
     * stay playable, and further frames are refused. {@code message} says what happened, for the user.
     */
    default void recordingFailed(AnnotatedRecorder recorder, String message) {
    }

    /** The recording was closed and its file finalized (or it had failed before). */
    default void recordingFinished(AnnotatedRecorder recorder, RecordingSummary summary) {
    }
}
