package dev.lookout.notify.mqtt;

import dev.lookout.capture.SourceState;
import dev.lookout.event.EventChange;

/**
 * Hears what {@link RemoteEvents} receives. Called on the MQTT client's thread: return at once (a Swing view
 * hands the value to the event thread with {@code SwingUtilities.invokeLater}).
 */
public interface RemoteEventsListener {

    /** One event change published by {@code node}. */
    void event(String node, EventChange change);

    /** {@code node} went {@code online} or {@code offline} (also sent for each node's retained state at connect). */
    void nodeState(String node, boolean online);

    /** The latest snapshot (JPEG) of {@code className} on {@code node}'s {@code camera}. */
    default void snapshot(String node, String camera, String className, byte[] jpeg) {
    }

    /** The connection to the broker changed (connected, or reconnecting and why). */
    default void connection(SourceState state) {
    }

    /** A message on an event topic could not be read (it is skipped). */
    default void rejected(String topic, String reason) {
    }
}
