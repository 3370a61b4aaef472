package dev.lookout.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.capture.SourceState;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventJson;
import dev.lookout.notify.BoundedQueue;
import dev.lookout.notify.mqtt.MqttSettings;
import dev.lookout.notify.mqtt.RemoteEvents;
import dev.lookout.notify.mqtt.RemoteEventsListener;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lookout remote-events --mqtt URL}: every Lookout node's events and online/offline state on a broker, one
 * JSON line each ({@code {"node", "online"}} or {@code {"node", "change": {EventJson's form}}}), until Ctrl+C or
 * {@code --duration}. The headless twin of the window's "Remote events" view. The broker's user and password:
 * {@link MqttLoginOptions}.
 */
@Command(name = "remote-events", mixinStandardHelpOptions = true, versionProvider = LookoutCommand.Version.class,
        description = "Print the events and online/offline state of every Lookout node on an MQTT broker, "
                + "one JSON line each.")
final class RemoteEventsCommand extends CliCommand {

    @Option(names = "--mqtt", required = true, paramLabel = "URL",
            description = "the broker: tcp://HOST[:1883] or ssl://HOST[:8883]")
    String url;

    @Option(names = "--prefix", paramLabel = "PREFIX", defaultValue = MqttSettings.DEFAULT_PREFIX,
            description = "the nodes' topic prefix (default: ${DEFAULT-VALUE})")
    String prefix;

    @Option(names = "--protocol", paramLabel = "3|5", defaultValue = "" + dev.lookout.config.MqttVersion.DEFAULT_NUMBER,
            description = "MQTT 3 (3.1.1) or 5 (default ${DEFAULT-VALUE})")
    int protocol;

    @Mixin
    MqttLoginOptions login = new MqttLoginOptions();

    // the names before --mqtt-user and --mqtt-password-env, still accepted
    @Option(names = "--username", hidden = true)
    String username;

    @Option(names = "--password-env", hidden = true)
    String passwordEnv;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "stop after this long (default: never)")
    Double duration;

    @Override
    int run() throws Exception {
        if (duration != null && !(duration > 0 && duration < 1e9)) {
            throw new UsageException("--duration must be a number of seconds above 0, got " + duration);
        }
        MqttSettings settings = settings();
        BoundedQueue<String> lines = new BoundedQueue<>(10_000);
        AtomicBoolean connected = new AtomicBoolean();
        Seen seen = new Seen();
        String[] lastProblem = new String[1];
        long deadline = duration == null ? Long.MAX_VALUE
                : System.nanoTime() + (long) (duration * TimeUnit.SECONDS.toNanos(1));
        try (RemoteEvents remote = RemoteEvents.start(settings, listener(lines, connected, seen))) {
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100);
                if (line != null) {
                    out.println(line);
                }
                String problem = remote.isConnected() ? null : remote.problem();
                if (problem != null && !problem.equals(lastProblem[0])) {
                    problem("cannot connect to " + settings.redactedUrl() + ": " + MqttLoginOptions.forCommandLine(problem));
                }
                lastProblem[0] = problem;
            }
        }
        for (String line = lines.poll(0); line != null; line = lines.poll(0)) {
            out.println(line);
        }
        if (lines.dropped() > 0) {
            problem(lines.dropped() + " messages were dropped: the output could not keep up");
        }
        if (!connected.get()) {
            // said even when no attempt had failed yet: a port that accepts but never answers as a broker
            problem("no MQTT broker answered at " + settings.redactedUrl() + (duration == null ? ""
                    : " within " + seconds(duration)) + ": " + (lastProblem[0] != null
                            ? MqttLoginOptions.forCommandLine(lastProblem[0])
                            : "nothing there accepted an MQTT connection (check the host, the port and tcp:// or ssl://)"));
            return Main.EXIT_FAILED;
        }
        err.println("lookout remote-events: " + (duration == null ? "" : seconds(duration) + " ") + "done: "
                + seen.summary());
        return 0;
    }

    /** {@code 2 s}, {@code 1.5 s}. */
    private static String seconds(double value) {
        return (value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value)) + " s";
    }

    /** What the run received, for its closing line ({@code 3 events from 2 nodes}); any thread. */
    private static final class Seen {
        private final java.util.Set<String> nodes = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.atomic.AtomicLong events = new java.util.concurrent.atomic.AtomicLong();

        void node(String node) {
            nodes.add(node);
        }

        void event(String node) {
            nodes.add(node);
            events.incrementAndGet();
        }

        String summary() {
            long n = events.get();
            return n + (n == 1 ? " event" : " events") + " from " + nodes.size() + (nodes.size() == 1 ? " node" : " nodes");
        }
    }

    private MqttSettings settings() throws UsageException {
        if (username != null) {
            login.user = login.user != null ? login.user : username;
        }
        if (passwordEnv != null) {
            login.passwordEnv = login.passwordEnv != null ? login.passwordEnv : passwordEnv;
        }
        return login.settings("--mqtt", url, "remote-events", prefix, protocol, this::problem);
    }

    private static RemoteEventsListener listener(BoundedQueue<String> lines, AtomicBoolean connected, Seen seen) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return new RemoteEventsListener() {
            @Override
            public void event(String node, EventChange change) {
                ObjectNode line = json.objectNode().put("node", node);
                line.set("change", EventJson.change(change));
                lines.offer(line.toString());
                seen.event(node);
            }

            @Override
            public void nodeState(String node, boolean online) {
                lines.offer(json.objectNode().put("node", node).put("online", online).toString());
                seen.node(node);
            }

            @Override
            public void connection(SourceState state) {
                if (state.kind() == SourceState.Kind.LIVE) {
                    connected.set(true);
                }
            }

            @Override
            public void rejected(String topic, String reason) {
                lines.offer(json.objectNode().put("rejected", Objects.toString(topic))
                        .put("reason", reason).toString());
            }
        };
    }
}
