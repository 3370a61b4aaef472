package dev.lookout.monitor;

import dev.lookout.capture.SourceOptions;
import dev.lookout.config.CameraConfig;
import dev.lookout.config.LookoutConfig;
import dev.lookout.config.MqttConfig;
import dev.lookout.config.RecordMode;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.event.EventSink;
import dev.lookout.event.EventType;
import dev.lookout.notify.mqtt.MqttPublisher;
import dev.lookout.notify.webhook.WebhookNotifier;
import dev.lookout.store.EventStore;
import dev.lookout.store.RecordingKind;
import dev.lookout.store.StoreException;
import dev.lookout.store.StoreOptions;
import dev.lookout.store.StoredCount;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A running headless monitor: every camera of a {@code lookout.yml} on its own thread, one shared detector
 * scheduled fairly among them, tracking and events per camera, and the event sinks (the store with its clips and
 * snapshots, MQTT and webhooks when configured), and the continuous recordings of {@code record: continuous}
 * cameras. {@link #close()} stops the cameras, ends their live events,
 * finalizes every clip and closes the sinks and the store, in that order. The detector belongs to the caller.
 */
public final class Monitor implements MonitorView, AutoCloseable {

    /** The length of one continuous recording file unless the caller says otherwise. */
    public static final Duration DEFAULT_SEGMENT = Duration.ofSeconds(60);

    private final String node;
    private final Duration segment;
    private final MonitorLog log;
    private final EventStore store;
    private final MqttPublisher mqtt;
    private final WebhookNotifier webhooks;
    private final List<MonitoredCamera> cameras = new ArrayList<>();
    private final List<EventSink> readers;
    private final DetectionScheduler scheduler;
    private final Thread schedulerThread;
    private final ScheduledExecutorService health;
    private boolean closed;

    private Monitor(LookoutConfig config, Path configFile, CocoSsdDetector detector, MonitorLog log,
            Duration healthInterval, SourceOptions sourceOptions, List<EventSink> readers, Duration segment)
            throws StoreException {
        if (segment.isNegative() || segment.isZero()) {
            throw new IllegalArgumentException("a continuous recording segment must last more than 0 s");
        }
        this.segment = segment;
        this.readers = List.copyOf(readers);
        this.node = config.mqtt().map(MqttConfig::node).orElse(MqttConfig.DEFAULT_NAME);
        this.log = log;
        this.store = EventStore.open(StoreOptions.defaults(config.storageIn(configFile))
                .retention(ConfiguredSettings.retention(config)).warnings(log::warn));
        this.mqtt = config.mqtt().map(m -> MqttPublisher.start(ConfiguredSettings.mqtt(m))).orElse(null);
        this.webhooks = config.webhooks().isEmpty() ? null
                : WebhookNotifier.start(config.webhooks().stream().map(ConfiguredSettings::webhook).toList());
        if (mqtt != null) {
            mqtt.storageRoot(store.layout().root());
        }
        if (webhooks != null) {
            webhooks.storageRoot(store.layout().root());
        }
        this.scheduler = new DetectionScheduler((frame, options) -> detector.detect(frame.image(), options),
                System::nanoTime);
        for (CameraConfig c : config.cameras().values()) {
            if (mqtt != null) {
                // entities for the watched classes and the ones chosen to be counted, not for all 80 by default
                java.util.Set<String> announced = new java.util.TreeSet<>(c.watch());
                announced.addAll(c.classes());
                mqtt.discoverClasses(c.name(), announced);
            }
            cameras.add(camera(c, c.sourceIn(configFile), sourceOptions));
        }
        this.schedulerThread = new Thread(scheduler, "lookout-detector");
        schedulerThread.setDaemon(true);
        this.health = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lookout-health");
            t.setDaemon(true);
            return t;
        });
        long period = healthInterval.toMillis();
        if (period > 0) {
            health.scheduleAtFixedRate(() -> cameras.forEach(cam -> log.health(cam.name(), cam.status())), period,
                    period, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Opens the store and starts every camera and the detector; cameras that cannot open are retried in the
     * background (see {@link MonitoredCamera}).
     *
     * @param configFile the file {@code config} came from: relative storage and source paths are resolved
     *     against its folder
     * @param healthInterval how often each camera's health line is logged, or zero for never
     * @param sourceOptions how sources are opened (reconnection backoff, timeouts); loop and size come from each
     *     camera's configuration
     * @throws StoreException when the store cannot be opened (another monitor holds it, a broken database)
     */
    public static Monitor start(LookoutConfig config, Path configFile, CocoSsdDetector detector, MonitorLog log,
            Duration healthInterval, SourceOptions sourceOptions) throws StoreException {
        return start(config, configFile, detector, log, healthInterval, sourceOptions, List.of(), DEFAULT_SEGMENT);
    }

    /**
     * As {@link #start(LookoutConfig, Path, CocoSsdDetector, MonitorLog, Duration, SourceOptions)}, and every
     * camera's events also go to {@code readers} (e.g. a window's event list), with the clip and snapshot paths the
     * store gets. Like every sink they are called on the pipeline's threads and must return at once.
     */
    public static Monitor start(LookoutConfig config, Path configFile, CocoSsdDetector detector, MonitorLog log,
            Duration healthInterval, SourceOptions sourceOptions, List<EventSink> readers) throws StoreException {
        return start(config, configFile, detector, log, healthInterval, sourceOptions, readers, DEFAULT_SEGMENT);
    }

    /**
     * As {@link #start(LookoutConfig, Path, CocoSsdDetector, MonitorLog, Duration, SourceOptions)}, with the
     * length of the segments of {@code record: continuous} cameras.
     */
    public static Monitor start(LookoutConfig config, Path configFile, CocoSsdDetector detector, MonitorLog log,
            Duration healthInterval, SourceOptions sourceOptions, Duration segment) throws StoreException {
        return start(config, configFile, detector, log, healthInterval, sourceOptions, List.of(), segment);
    }

    /** With both the event readers and the continuous recordings' segment length. */
    public static Monitor start(LookoutConfig config, Path configFile, CocoSsdDetector detector, MonitorLog log,
            Duration healthInterval, SourceOptions sourceOptions, List<EventSink> readers, Duration segment)
            throws StoreException {
        Monitor m = new Monitor(config, configFile, detector, log, healthInterval, sourceOptions, readers, segment);
        m.schedulerThread.start();
        m.cameras.forEach(MonitoredCamera::start);
        log.info("monitoring " + m.cameras.size() + " camera(s); storage " + m.store.layout().root()
                + (m.mqtt != null ? "; MQTT to " + ConfiguredSettings.mqtt(config.mqtt().get()).redactedUrl() : "")
                + (m.webhooks != null ? "; " + config.webhooks().size() + " webhook(s)" : ""));
        return m;
    }

    private MonitoredCamera camera(CameraConfig c, String spec, SourceOptions sourceOptions) {
        Instant origin = Instant.now();
        List<EventSink> sinks = new ArrayList<>();
        sinks.add(store);
        sinks.add(log);
        if (mqtt != null) {
            sinks.add(mqtt);
        }
        if (webhooks != null) {
            sinks.add(webhooks);
        }
        sinks.addAll(readers);
        MonitoredCamera[] self = new MonitoredCamera[1];
        if (mqtt != null) {
            // added before the fan-out is made: it copies its sinks
            sinks.add(change -> {
                if (change.type() == EventType.NEW) {
                    self[0].latestJpeg().ifPresent(jpeg -> mqtt.publishSnapshot(c.name(), change.after().className(),
                            jpeg));
                }
            });
        }
        SinkFanout fanout = new SinkFanout(sinks, log::warn);
        java.util.concurrent.atomic.AtomicReference<EventClips> clips = new java.util.concurrent.atomic.AtomicReference<>();
        // events pass through the clip writer so that they carry their clip's path (it exists once frames flow)
        EventSink withClips = change -> {
            EventClips current = clips.get();
            (current == null ? fanout : current.attachingFiles(fanout)).onEvent(change);
        };
        Consumer<String> problems = message -> log.message(MonitorLog.Level.WARN, c.name(), message);
        // and through the event's own snapshot writer, which sees the detected frame (MonitoredCamera lends it)
        EventSnapshots snapshots = c.snapshots() && EventClips.wanted(c)
                ? new EventSnapshots(store.layout().folder(RecordingKind.SNAPSHOT, c.name()), store, problems) : null;
        EventSink events = snapshots == null ? withClips : snapshots.attaching(withClips);
        // counts go on from the stored totals (a restart resumes them) and every crossing and entry is stored
        List<StoredCount> resumed = List.of();
        try {
            resumed = store.reader().countTotals(c.name());
        } catch (StoreException e) {
            log.message(MonitorLog.Level.WARN, c.name(), "counts start from 0: " + e.getMessage());
        }
        CameraTracking tracking = new CameraTracking(c, origin, events, resumed, store::addCounts);
        MonitoredCamera camera = new MonitoredCamera(c, spec, sourceOptions, tracking, snapshots, rate -> {
            List<CameraRecorder> recorders = new ArrayList<>();
            if (EventClips.wanted(c)) {
                clips.set(new EventClips(c, store.layout(), store, rate, problems));
                recorders.add(clips.get());
            }
            if (c.record() == RecordMode.CONTINUOUS) {
                recorders.add(new ContinuousRecording(c.name(), store.layout().folder(RecordingKind.CONTINUOUS,
                        c.name()), store, rate, segment, problems));
            }
            return recorders;
        }, log, scheduler::frameArrived, counts -> {
            if (mqtt != null) {
                mqtt.publishCounts(counts);
            }
        });
        self[0] = camera;
        scheduler.add(camera);
        return camera;
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public List<CameraFeed> cameras() {
        return List.copyOf(cameras);
    }

    /**
     * Counts other lines and zones on camera {@code name} from its next detected frame on (they were edited in the
     * camera wall), without stopping it or any other camera: its tracks, events, clips and the unchanged lines'
     * and zones' counts go on. The required zones and watched classes stay as the camera started. Any thread.
     *
     * @return false when there is no such camera
     */
    public boolean setRegions(String name, dev.lookout.track.zones.Regions regions) {
        for (MonitoredCamera c : cameras) {
            if (c.name().equals(name)) {
                c.setRegions(regions);
                return true;
            }
        }
        return false;
    }

    /** The event store the monitor writes (for readers such as the HTTP API). */
    public EventStore store() {
        return store;
    }

    /**
     * Stops cleanly: cameras stop reading, the detector finishes its frame, live tracks end (their events end),
     * clips are finalized and registered, the notifiers drain, the store writes what is pending and closes.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        health.shutdownNow();
        for (MonitoredCamera c : cameras) {
            try {
                c.stopReading();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        scheduler.stop();
        try {
            schedulerThread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cameras.forEach(c -> log.health(c.name(), c.status()));
        cameras.forEach(MonitoredCamera::finish);
        if (webhooks != null) {
            webhooks.close();
        }
        if (mqtt != null) {
            mqtt.close();
        }
        store.close();
        log.info("stopped; clips finalized and the store closed");
    }
}
