package dev.lookout.capture;

/**
 * Hears a source's state changes. It is called on the thread that reads frames, or for STALLED on a timer thread:
 * a Swing listener hands the state to the event thread ({@code SwingUtilities.invokeLater}) and returns at once.
 */
@FunctionalInterface
public interface SourceStateListener {

    /** Called once per state change. */
    void stateChanged(SourceState state);
}
