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
import picocli.CommandLine.Option;

/**
 * {@code lookout remote-events --mqtt URL}: every Lookout node's events and online/offline state on a broker, one
 * JSON line each ({@code {"node", "online"}} or {@code {"node", "change": {EventJson's form}}}), until Ctrl+C or
 * {@code --duration}. The headless twin of the window's "Remote events" view.
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

    @Option(names = "--protocol", paramLabel = "3|5", defaultValue = "3", description = "MQTT 3 (3.1.1) or 5")
    int protocol;

    @Option(names = "--username", paramLabel = "USER", description = "the broker's user name")
    String username;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "the environment variable that holds the password (a password is never an argument)")
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
                    problem("cannot connect to " + settings.redactedUrl() + ": " + problem);
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
        String password = null;
        if (passwordEnv != null) {
            password = System.getenv(passwordEnv);
            if (password == null) {
                throw new UsageException("--password-env " + passwordEnv + ": no such environment variable");
            }
        }
        return settings("--mqtt", url, prefix, protocol, username, password);
    }

    /** The subscriber's settings; a bad value is a usage error naming {@code urlOption} or the option at fault. */
    static MqttSettings settings(String urlOption, String url, String prefix, int protocol, String username,
            String password) throws UsageException {
        try {
            return new MqttSettings(url, "remote-events", prefix, username, password, protocol, false);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace("mqtt.url", urlOption)
                    .replace("mqtt.password", "--password-env").replace("mqtt.", "--"));
        }
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
