package dev.lookout.notify.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3ConnectBuilder;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAck;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import dev.lookout.capture.SourceStateListener;
import dev.lookout.capture.SourceState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One client connection to the broker, MQTT 3.1.1 or 5 alike, that reconnects by itself with exponential backoff
 * (0.5 s doubling up to {@link #MAX_BACKOFF}) until {@link #close()}. It reports each change through a
 * {@link SourceStateListener} with a reason a user can act on (refused credentials are named as such); the password
 * is only ever handed to the client library.
 */
final class MqttConnection implements AutoCloseable {

    /** The longest wait between two connection attempts. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final long FIRST_BACKOFF_MS = 500;

    /** A retained message the broker publishes for us if we vanish. */
    record Will(String topic, String payload) {
    }

    private final MqttSettings settings;
    private final SourceStateListener listener;
    private final Mqtt3AsyncClient v3;
    private final Mqtt5AsyncClient v5;
    private final Runnable onConnected;
    private final BiConsumer<String, byte[]> messages;
    /** The CONNECT (credentials, Last Will) of the version in use; the library repeats it on reconnection. */
    private final Mqtt5ConnectBuilder.Send<CompletableFuture<Mqtt5ConnAck>> v5Connect;
    private final Mqtt3ConnectBuilder.Send<CompletableFuture<Mqtt3ConnAck>> v3Connect;
    // reconnection is scheduled here rather than by the library, so that close() can cancel a pending attempt
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lookout-mqtt-reconnect");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pending;
    private int attempts;
    private volatile boolean connected;
    private volatile boolean closed;

    /**
     * A connection not yet started. {@code onConnected} runs on the client's thread after every (re)connection and
     * must return at once; {@code messages} receives every message of the subscriptions made.
     */
    MqttConnection(MqttSettings settings, String clientId, Will will, SourceStateListener listener,
            Runnable onConnected, BiConsumer<String, byte[]> messages) {
        this.settings = settings;
        this.listener = listener;
        this.onConnected = onConnected;
        this.messages = messages;
        MqttClientBuilder builder = MqttClient.builder().identifier(clientId)
                .serverHost(settings.host()).serverPort(settings.port())
                .addConnectedListener(context -> connectedNow())
                .addDisconnectedListener(this::disconnected);
        if (settings.tls()) {
            builder = builder.sslWithDefaultConfig();
        }
        if (settings.protocol() == 5) {
            v3 = null;
            v3Connect = null;
            v5 = builder.useMqttVersion5().build().toAsync();
            v5Connect = connect5(will);
        } else {
            v5 = null;
            v5Connect = null;
            v3 = builder.useMqttVersion3().build().toAsync();
            v3Connect = connect3(will);
        }
    }

    private Mqtt5ConnectBuilder.Send<CompletableFuture<Mqtt5ConnAck>> connect5(Will will) {
        var connect = v5.connectWith().cleanStart(true).keepAlive(30);
        if (settings.username() != null) {
            var auth = connect.simpleAuth().username(settings.username());
            if (settings.password() != null) {
                auth = auth.password(settings.password().getBytes(StandardCharsets.UTF_8));
            }
            connect = auth.applySimpleAuth();
        }
        if (will != null) {
            connect = connect.willPublish().topic(will.topic()).payload(bytes(will.payload()))
                    .qos(MqttQos.AT_LEAST_ONCE).retain(true).applyWillPublish();
        }
        return connect;
    }

    // the same as connect5: the library's 3 and 5 builders share no interface, so the steps cannot be shared
    private Mqtt3ConnectBuilder.Send<CompletableFuture<Mqtt3ConnAck>> connect3(Will will) {
        var connect = v3.connectWith().cleanSession(true).keepAlive(30);
        if (settings.username() != null) {
            var auth = connect.simpleAuth().username(settings.username());
            if (settings.password() != null) {
                auth = auth.password(settings.password().getBytes(StandardCharsets.UTF_8));
            }
            connect = auth.applySimpleAuth();
        }
        if (will != null) {
            connect = connect.willPublish().topic(will.topic()).payload(bytes(will.payload()))
                    .qos(MqttQos.AT_LEAST_ONCE).retain(true).applyWillPublish();
        }
        return connect;
    }

    /** Starts connecting; returns at once (a broker that is down is retried in the background). */
    void start() {
        if (closed) {
            return;
        }
        if (v5 != null) {
            v5Connect.send();
        } else {
            v3Connect.send();
        }
    }

    /** True while the broker has accepted the connection. */
    boolean isConnected() {
        return connected;
    }

    /** Publishes with QoS 1; the future completes when the broker acknowledged it, or fails. */
    CompletableFuture<Void> publish(String topic, byte[] payload, boolean retain) {
        if (v5 != null) {
            return v5.publishWith().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE).retain(retain).send()
                    .thenAccept(result -> result.getError().ifPresent(e -> {
                        throw new java.util.concurrent.CompletionException(e);
                    }));
        }
        return v3.publishWith().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE).retain(retain).send()
                .thenAccept(p -> { });
    }

    /**
     * Subscribes to {@code filter} with QoS 1; its messages go to the consumer given at construction. Call it after
     * every (re)connection: the client library ends a subscription's message flow with the session (a clean
     * session ends at each disconnection), so each subscription carries its own callback rather than one global
     * callback that would hear nothing after the first reconnection.
     */
    CompletableFuture<Void> subscribe(String filter) {
        if (v5 != null) {
            return v5.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE)
                    .callback(p -> messages.accept(p.getTopic().toString(), p.getPayloadAsBytes())).send()
                    .thenAccept(a -> { });
        }
        return v3.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE)
                .callback(p -> messages.accept(p.getTopic().toString(), p.getPayloadAsBytes())).send()
                .thenAccept(a -> { });
    }

    /** Disconnects cleanly (no Last Will) and stops reconnecting; waits at most a few seconds. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (pending != null) {
                pending.cancel(false);
            }
        }
        timer.shutdownNow();
        try {
            CompletableFuture<Void> done = v5 != null ? v5.disconnect() : v3.disconnect();
            done.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // not connected, or the broker is gone: nothing left to close politely
        }
        connected = false;
    }

    private void connectedNow() {
        synchronized (this) {
            attempts = 0;
            if (closed) {
                // an attempt that was already under way when close() came
                (v5 != null ? v5.disconnect() : v3.disconnect()).exceptionally(e -> null);
                return;
            }
        }
        connected = true;
        listener.stateChanged(SourceState.of(SourceState.Kind.LIVE, settings.redactedUrl(), ""));
        onConnected.run();
    }

    private void disconnected(MqttClientDisconnectedContext context) {
        connected = false;
        int attempt;
        long delay;
        synchronized (this) {
            if (closed || context.getSource() == MqttDisconnectSource.USER) {
                return;
            }
            attempt = ++attempts;
            delay = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF_MS << Math.min(attempt - 1, 16));
            pending = timer.schedule(this::start, delay, TimeUnit.MILLISECONDS);
        }
        listener.stateChanged(SourceState.reconnecting(settings.redactedUrl(), attempt,
                Duration.ofMillis(delay), MqttProblems.describe(context.getCause())));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
