package dev.lookout.notify.mqtt;

import dev.lookout.capture.SourceState;

import dev.lookout.event.EventChange;
import dev.lookout.notify.SnapshotJpeg;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The subscriber side: every node publishing under a prefix on one broker. It subscribes to
 * {@code <prefix>/+/events}, {@code <prefix>/+/available} and the retained snapshots, and hands each to a
 * {@link RemoteEventsListener}; it reconnects and subscribes again by itself. Headless: the window's "Remote events"
 * view is one listener. Only the prefix of the settings is used for topics (its node names this client).
 */
public final class RemoteEvents implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RemoteEvents.class.getName());

    private final String prefix;
    private final RemoteEventsListener listener;
    private final MqttConnection connection;
    private volatile String problem;
    /**
     * Orders node states with the connection's news: the client may hand over a node's state (a Last Will the broker
     * sent as it went down) after it reported the connection lost, and that stale "offline" must not follow the
     * listener's "connection lost" (every state unknown). A new session reports LIVE before it subscribes.
     */
    private final Object order = new Object();
    private boolean live; // guarded by order

    private RemoteEvents(MqttSettings settings, RemoteEventsListener listener) {
        this.prefix = settings.prefix();
        this.listener = listener;
        String clientId = "lookout-remote-" + HomeAssistantDiscovery.id(settings.node()) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        this.connection = new MqttConnection(settings, clientId, null, state -> {
            LOG.log(System.Logger.Level.DEBUG, "MQTT remote events: {0}", state.describe()); // the listener reports it
            synchronized (order) {
                live = state.kind() == SourceState.Kind.LIVE;
                problem = live ? null : state.message();
                listener.connection(state);
            }
        }, this::subscribe, this::message);
    }

    /** Connects in the background and starts listening. */
    public static RemoteEvents start(MqttSettings settings, RemoteEventsListener listener) {
        RemoteEvents remote = new RemoteEvents(settings, listener);
        remote.connection.start();
        return remote;
    }

    /** True while connected. */
    public boolean isConnected() {
        return connection.isConnected();
    }

    /** Why the last connection attempt failed (never with a credential), or null while connected. */
    public String problem() {
        return problem;
    }

    @Override
    public void close() {
        connection.close();
    }

    private void subscribe() {
        connection.subscribe(MqttTopics.allAvailability(prefix));
        connection.subscribe(MqttTopics.allEvents(prefix));
        connection.subscribe(MqttTopics.allSnapshots(prefix));
    }

    private void message(String topic, byte[] payload) {
        String[] levels = topic.substring(prefix.length() + 1).split("/", -1);
        String node = levels[0];
        try {
            if (levels.length == 2 && levels[1].equals("available")) {
                synchronized (order) {
                    if (live) { // after a loss, states come again with the next session's retained messages
                        listener.nodeState(node, new String(payload, StandardCharsets.UTF_8).strip().equals("online"));
                    }
                }
            } else if (levels.length == 2 && levels[1].equals("events")) {
                EventChange change = EventJsonReader.change(payload);
                listener.event(node, change);
            } else if (levels.length == 4 && levels[3].equals("snapshot") && SnapshotJpeg.isJpeg(payload)) {
                listener.snapshot(node, levels[1], levels[2], payload);
            }
        } catch (IOException e) {
            listener.rejected(topic, e.getMessage());
        } catch (RuntimeException e) {
            // a listener's own failure must not end the subscription
            LOG.log(System.Logger.Level.WARNING, "MQTT remote events: the listener failed on " + topic, e);
        }
    }
}
