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
        MqttSettings settings = settings();
        BoundedQueue<String> lines = new BoundedQueue<>(10_000);
        AtomicBoolean connected = new AtomicBoolean();
        String[] lastProblem = new String[1];
        long deadline = duration == null ? Long.MAX_VALUE
                : System.nanoTime() + (long) (duration * TimeUnit.SECONDS.toNanos(1));
        try (RemoteEvents remote = RemoteEvents.start(settings, listener(lines, connected))) {
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
        return connected.get() ? 0 : Main.EXIT_FAILED;
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

    private static RemoteEventsListener listener(BoundedQueue<String> lines, AtomicBoolean connected) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return new RemoteEventsListener() {
            @Override
            public void event(String node, EventChange change) {
                ObjectNode line = json.objectNode().put("node", node);
                line.set("change", EventJson.change(change));
                lines.offer(line.toString());
            }

            @Override
            public void nodeState(String node, boolean online) {
                lines.offer(json.objectNode().put("node", node).put("online", online).toString());
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
