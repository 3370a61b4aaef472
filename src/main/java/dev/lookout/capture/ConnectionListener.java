package dev.lookout.capture;

/**
 * Hears the connection state changes of a reconnecting source. It is called on the thread that reads frames:
 * a Swing listener must hand the state to the event thread ({@code SwingUtilities.invokeLater}) and return.
 */
@FunctionalInterface
public interface ConnectionListener {

    /** Called once per state change. */
    void stateChanged(ConnectionState state);
}
