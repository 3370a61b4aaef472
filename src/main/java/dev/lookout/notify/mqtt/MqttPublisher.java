package dev.lookout.notify.mqtt;

import dev.lookout.capture.SourceStateListener;
import dev.lookout.capture.SourceState;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventJson;
import dev.lookout.event.EventSink;
import dev.lookout.event.ObjectEvent;
import dev.lookout.notify.BoundedQueue;
import dev.lookout.notify.CameraCounts;
import dev.lookout.notify.SnapshotJpeg;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes one node's events, counts and snapshots to an MQTT broker (topics: {@link MqttTopics}). Every method
 * returns at once: event changes wait in a bounded queue (those that do not fit are dropped and counted), state
 * topics keep only their newest value ({@link RetainedState}), and one thread of its own talks to the broker.
 * {@code available} is {@code online} while connected, with a retained Last Will {@code offline}; after every
 * reconnection the availability, every count and every snapshot are published again.
 */
public final class MqttPublisher implements EventSink, AutoCloseable {

    /** Event changes that may wait while the broker is slow or away. */
    public static final int DEFAULT_QUEUE = 1000;
    private static final System.Logger LOG = System.getLogger(MqttPublisher.class.getName());
    private static final int SEND_ATTEMPTS = 3;
    private static final long SEND_TIMEOUT_S = 10;

    private final MqttTopics topics;
    private final MqttConnection connection;
    private final BoundedQueue<EventChange> events;
    private final RetainedState state = new RetainedState();
    private final CountPublishing counts;
    private final AtomicBoolean republish = new AtomicBoolean();
    private final AtomicLong published = new AtomicLong();
    private final Thread worker;
    private final SourceStateListener listener;
    private volatile String lastReason;
    private volatile java.nio.file.Path storageRoot;
    private volatile boolean closing;

    private MqttPublisher(MqttSettings settings, int queueCapacity, SourceStateListener listener) {
        this.topics = MqttTopics.of(settings);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.events = new BoundedQueue<>(queueCapacity);
        this.counts = new CountPublishing(topics, state,
                settings.homeAssistant() ? new HomeAssistantDiscovery(topics) : null);
        String clientId = "lookout-" + HomeAssistantDiscovery.id(settings.node()) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        this.connection = new MqttConnection(settings, clientId,
                new MqttConnection.Will(topics.available(), "offline"), this::stateChanged, () -> connected(settings),
                this::message);
        this.worker = new Thread(this::run, "lookout-mqtt-" + settings.node());
        worker.setDaemon(true);
    }

    /** Starts publishing (connecting in the background) with the default queue and no listener. */
    public static MqttPublisher start(MqttSettings settings) {
        return start(settings, DEFAULT_QUEUE, state -> { });
    }

    /**
     * Starts publishing; {@code listener} hears every connection change (on the client's thread: return at once).
     * A broker that is down is not an error: it is retried with backoff and reported to the listener.
     */
    public static MqttPublisher start(MqttSettings settings, int queueCapacity, SourceStateListener listener) {
        MqttPublisher publisher = new MqttPublisher(settings, queueCapacity, listener);
        publisher.worker.start();
        publisher.connection.start();
        return publisher;
    }

    /** Queues the change for {@code <prefix>/<node>/events}; its new snapshot, if any, goes to the snapshot topic. */
    @Override
    public void onEvent(EventChange change) {
        if (!closing) {
            events.offer(change);
        }
    }

    /**
     * The classes of {@code camera} that get Home Assistant discovery entities (count and presence, on the camera
     * and in its zones), e.g. its watched classes; other classes' counts are published without entities. Until
     * this is called a camera's lines are its only entities.
     */
    public void discoverClasses(String camera, java.util.Set<String> classes) {
        counts.discover(camera, classes);
    }

    /**
     * The storage folder: event messages name their snapshot and clip relative to it (never by its absolute
     * path); until it is set, by file name only.
     */
    public void storageRoot(java.nio.file.Path root) {
        this.storageRoot = root;
    }

    /** Updates the count and line topics of one camera (only changed values are sent). */
    public void publishCounts(CameraCounts cameraCounts) {
        counts.update(cameraCounts);
    }

    /** Sets the retained snapshot of {@code className} on {@code camera} (JPEG bytes; the array is not copied). */
    public void publishSnapshot(String camera, String className, byte[] jpeg) {
        if (!SnapshotJpeg.isJpeg(jpeg)) {
            throw new IllegalArgumentException("a snapshot must be JPEG bytes");
        }
        state.put(topics.snapshot(camera, className), jpeg);
    }

    /** Messages given up so far: event changes that found the queue full or could not be delivered. */
    public long dropped() {
        return events.dropped();
    }

    /** Messages the broker acknowledged so far. */
    public long published() {
        return published.get();
    }

    /** True while connected to the broker. */
    public boolean isConnected() {
        return connection.isConnected();
    }

    /** Why the last connection attempt failed (credentials never included), or null once connected. */
    public String problem() {
        return lastReason;
    }

    /** The topics this publisher writes. */
    public MqttTopics topics() {
        return topics;
    }

    /**
     * Sends what is queued (for at most a few seconds), publishes {@code offline} and disconnects; a publisher
     * that is killed instead leaves the same {@code offline} behind through its Last Will.
     */
    @Override
    public void close() {
        closing = true;
        try {
            worker.join(TimeUnit.SECONDS.toMillis(3));
            worker.interrupt();
            worker.join(TimeUnit.SECONDS.toMillis(2));
            if (connection.isConnected()) {
                send(topics.available(), ascii("offline"), true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connection.close();
        }
    }

    private void run() {
        try {
            while (!(closing && events.size() == 0 && state.dirtyCount() == 0)) {
                if (!connection.isConnected()) {
                    if (closing) {
                        return;
                    }
                    Thread.sleep(50);
                    continue;
                }
                if (republish.getAndSet(false)) {
                    state.markDirty(topic -> true);
                    send(topics.available(), ascii("online"), true);
                }
                for (String topic = state.takeDirty(); topic != null; topic = state.takeDirty()) {
                    if (!send(topic, state.get(topic), true)) {
                        state.markDirty(topic);
                        break;
                    }
                }
                EventChange change = events.poll(50);
                if (change != null) {
                    try {
                        deliver(change);
                    } catch (RuntimeException e) {
                        // one bad message must not end the publisher's thread
                        events.countDropped();
                        LOG.log(System.Logger.Level.WARNING, "MQTT: event message not sent", e);
                    }
                }
            }
        } catch (InterruptedException e) {
            // closing: what is still queued is given up
        }
    }

    private void deliver(EventChange change) throws InterruptedException {
        byte[] json = EventJson.published(change, storageRoot).toString().getBytes(StandardCharsets.UTF_8);
        int attempts = 0;
        while (!send(topics.events(), json, false)) {
            if (++attempts >= SEND_ATTEMPTS || closing) {
                events.countDropped();
                LOG.log(System.Logger.Level.WARNING, "MQTT: gave up an event message after {0} attempts: {1}",
                        attempts, lastReason);
                return;
            }
            while (!connection.isConnected() && !closing) {
                Thread.sleep(50);
            }
        }
        ObjectEvent after = change.after();
        if (after.snapshot() != null && (change.before() == null
                || !after.snapshot().equals(change.before().snapshot()))) {
            try {
                state.put(topics.snapshot(after.camera(), after.className()), SnapshotJpeg.read(after.snapshot()));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "MQTT: snapshot of event {0} not published: {1}", after.id(),
                        e.getMessage());
            }
        }
    }

    private boolean send(String topic, byte[] payload, boolean retain) throws InterruptedException {
        try {
            connection.publish(topic, payload, retain).get(SEND_TIMEOUT_S, TimeUnit.SECONDS);
            published.incrementAndGet();
            return true;
        } catch (ExecutionException | TimeoutException e) {
            lastReason = MqttProblems.describe(e.getCause() == null ? e : e.getCause());
            return false;
        }
    }

    private void connected(MqttSettings settings) {
        republish.set(true);
        if (settings.homeAssistant()) {
            connection.subscribe(HomeAssistantDiscovery.STATUS_TOPIC);
        }
    }

    private void message(String topic, byte[] payload) {
        if (topic.equals(HomeAssistantDiscovery.STATUS_TOPIC)
                && new String(payload, StandardCharsets.UTF_8).strip().equals("online")) {
            state.markDirty(t -> true);
        }
    }

    private void stateChanged(SourceState change) {
        String reason = change.kind() == SourceState.Kind.LIVE ? null : change.message();
        if (change.kind() == SourceState.Kind.LIVE) {
            LOG.log(System.Logger.Level.INFO, "MQTT: {0} as node {1}", change.describe(), topics.node());
        } else if (!Objects.equals(reason, lastReason)) {
            LOG.log(System.Logger.Level.WARNING, "MQTT: {0}", change.describe());
        }
        lastReason = reason;
        try {
            listener.stateChanged(change);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "MQTT: the connection listener failed", e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
