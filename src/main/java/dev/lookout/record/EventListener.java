package dev.lookout.record;

/**
 * Hears about monitored events, e.g. the window's list of recent events. Called on the monitor's own worker
 * thread, in order: a Swing window must hand the news to the event thread ({@code SwingUtilities.invokeLater}).
 */
public interface EventListener {

    /** A watched class is present: the clip is being recorded (with its pre-roll). */
    default void eventStarted(MonitorEvent event) {
    }

    /** The event is over: its clip is final and its best snapshot written. */
    default void eventEnded(MonitorEvent event) {
    }

    /** Something could not be written (clip, snapshot or log); monitoring goes on. */
    default void monitorError(String message) {
    }
}
