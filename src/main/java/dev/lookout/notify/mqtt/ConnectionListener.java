package dev.lookout.notify.mqtt;

/**
 * Hears the state changes of the connection to the MQTT broker. It is called on the client library's thread:
 * a Swing listener must hand the state to the event thread ({@code SwingUtilities.invokeLater}) and return.
 */
@FunctionalInterface
public interface ConnectionListener {

    /** Called once per state change. */
    void stateChanged(ConnectionState state);
}
