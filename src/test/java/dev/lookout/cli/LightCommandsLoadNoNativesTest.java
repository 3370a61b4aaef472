package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import dev.lookout.store.EventStore;
import dev.lookout.store.StoreOptions;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store query ({@code events}) and a configuration check load no native library (no ONNX Runtime, OpenCV or
 * FFmpeg: javacpp) and build no other command. Each command line runs in a child JVM with {@code -verbose:class}, so what the test JVM itself
 * loaded for other tests cannot hide or fake a load.
 */
@IntegrationTest
class LightCommandsLoadNoNativesTest {

    /** Classes whose loading means a native library is being brought in. */
    private static final List<String> NATIVE_MARKERS = List.of("org.bytedeco.javacpp.Loader",
            "ai.onnxruntime.OnnxRuntime", "ai.onnxruntime.OrtEnvironment", "org.opencv.core.Core",
            "dev.lookout.capture.OpenCv");

    @TempDir
    Path dir;

    @Test
    void eventsAndCheckConfigLoadNoNativeLibrary() throws Exception {
        Path storage = dir.resolve("store");
        try (EventStore store = EventStore.open(StoreOptions.defaults(storage).warnings(w -> { }))) {
            Instant start = Instant.now().minusSeconds(60);
            store.onEvent(new EventChange(EventType.NEW, null, new ObjectEvent("door-1", "door", 1, "person", start,
                    start.plusSeconds(5), 0.8, 0.9, new double[] {1, 2, 3, 4}, List.of("path"), List.of("gate:in"),
                    false, null, null)));
            store.flush();
        }
        Path config = dir.resolve("lookout.yml");
        Files.writeString(config, "storage: " + storage + "\ncameras:\n  door:\n    source: "
                + TestData.projectDir().resolve("assets/demo.mp4") + "\n  gate:\n    source: rtsp://127.0.0.1:8554/gate\n");
        List<List<String>> commands = List.of(
                List.of("events", "--storage", storage.toString()),
                List.of("events", "--config", config.toString(), "--json"),
                List.of("events", "--storage", storage.toString(), "--camera", "nope"),
                List.of("check-config", config.toString()));
        for (List<String> command : commands) {
            Child child = run(command);
            assertEquals(0, child.exitCode(), command + ":\n" + child.output());
            for (String marker : NATIVE_MARKERS) {
                assertTrue(child.loaded().stream().noneMatch(marker::equals),
                        command + " loaded " + marker + " (a native library)");
            }
            // picocli builds only the command named: no other command's options, mixins or types are loaded
            for (String other : List.of("dev.lookout.cli.LiveCommand", "dev.lookout.cli.MonitorCommand",
                    "dev.lookout.cli.DetectCommand", "dev.lookout.ui.LiveWindow")) {
                assertTrue(child.loaded().stream().noneMatch(other::equals), command + " loaded " + other);
            }
        }
    }

    private record Child(int exitCode, String output, List<String> loaded) {
    }

    private Child run(List<String> args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-verbose:class", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Path log = dir.resolve("child.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(args + " still running after 60 s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        List<String> loaded = new ArrayList<>();
        for (String line : output.split("\n")) {
            int at = line.indexOf("[class,load] ");
            if (at >= 0) {
                String rest = line.substring(at + "[class,load] ".length());
                loaded.add(rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest);
            }
        }
        assertTrue(loaded.size() > 100, "the child printed its class loading: " + output);
        return new Child(process.exitValue(), output, loaded);
    }
}
