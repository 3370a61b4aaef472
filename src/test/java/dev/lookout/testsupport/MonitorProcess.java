package dev.lookout.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code lookout monitor --config FILE --json-log --health 1} in a child JVM on the test's class path, its log
 * (stderr) in a file read while it grows. One camera per entry of {@code cameras} plays vtest.avi in a loop and
 * watches people; the {@code mqtt:} section names the broker and the node. Closing kills what is still running.
 */
public final class MonitorProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path log;

    private MonitorProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a monitor in {@code dir} (its own storage there) publishing as {@code node} to {@code brokerUrl}, with
     * one looping vtest.avi camera per name in {@code cameras}.
     */
    public static MonitorProcess start(Path dir, String brokerUrl, String node, String... cameras) throws IOException {
        return startWithMqtt(dir, brokerUrl, node, "", cameras);
    }

    /** As {@link #start}, with more lines of the {@code mqtt:} section ({@code "  home_assistant: true\n"}). */
    public static MonitorProcess startWithMqtt(Path dir, String brokerUrl, String node, String mqttLines,
            String... cameras) throws IOException {
        Files.createDirectories(dir);
        StringBuilder yml = new StringBuilder("storage: data\nmqtt:\n  url: " + brokerUrl + "\n  node: " + node
                + "\n" + mqttLines + "cameras:\n");
        for (String camera : cameras) {
            yml.append("  ").append(camera).append(":\n    source: ").append(TestData.vtestAvi())
                    .append("\n    loop: true\n    watch: [person]\n");
        }
        Path config = dir.resolve("lookout.yml");
        Files.writeString(config, yml);
        Path log = dir.resolve("monitor.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "dev.lookout.cli.Main", "monitor", "--config", config.toString(), "--json-log", "--health", "1",
                "--model", TestData.modelDir().toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile());
        // the arena limit already set: no relaunch, so a kill -9 of this process is a crash of the monitor itself
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        Process child = builder.start();
        return new MonitorProcess(child, log);
    }

    /** The child process (to kill it, to read its exit value). */
    public Process process() {
        return process;
    }

    /** The log so far, as text. */
    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** The JSON lines of the log so far (other lines, from the JVM or a library's logger, are skipped). */
    public List<JsonNode> jsonLines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logText().split("\n")) {
            if (line.startsWith("{")) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException partial) {
                    // the last line may still be being written
                }
            }
        }
        return lines;
    }

    /** The health lines of {@code camera} so far, oldest first. */
    public List<JsonNode> health(String camera) {
        return jsonLines().stream().filter(n -> n.path("type").asText().equals("health")
                && n.path("camera").asText().equals(camera)).toList();
    }

    /** Frames detected on {@code camera} so far, by its newest health line (0 before the first). */
    public long detected(String camera) {
        List<JsonNode> h = health(camera);
        return h.isEmpty() ? 0 : h.get(h.size() - 1).path("detected").asLong();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
