package dev.lookout.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.onnx.Tensor;
import dev.lookout.run.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * TF.js 4.22.0 (cpu backend) as the oracle: runs {@code tools/tfjs-reference/run.js} on a graph model and reads back
 * the seeded inputs it made and the outputs TF.js computed. Needs {@code node} and the tool's {@code node_modules}
 * ({@code npm ci --ignore-scripts --prefix tools/tfjs-reference}); without them the test is skipped (failed in CI).
 */
public final class TfjsReference {

    /** One run: inputs and outputs by TF.js name, in TF.js's order. */
    public record Run(Map<String, Tensor> inputs, Map<String, Tensor> outputs) {
    }

    private TfjsReference() {
    }

    /** The tool's folder, after checking that it is installed. */
    public static Path tool() {
        Path dir = TestData.projectDir().resolve("tools/tfjs-reference");
        TestData.require(dir.resolve("node_modules/@tensorflow/tfjs/package.json"),
                "the TF.js reference tool's packages (run: npm ci --ignore-scripts --prefix tools/tfjs-reference)");
        return dir;
    }

    /** A model.json of {@code @vladmandic/human@3.3.6}'s {@code models/} folder, installed with the tool. */
    public static Path humanModel(String name) {
        return TestData.require(tool().resolve("node_modules/@vladmandic/human/models/" + name + ".json"),
                "the @vladmandic/human model " + name);
    }

    /** Runs TF.js on {@code modelJson} with seeded inputs; {@code extra} are further run.js options. */
    public static Run run(Path modelJson, Path outDir, long seed, String... extra) throws IOException,
            InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("node", tool().resolve("run.js").toString(),
                modelJson.toString(), outDir.toString(), "--seed", Long.toString(seed)));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("TF.js reference run failed: " + log);
        }
        JsonNode manifest = new ObjectMapper().readTree(outDir.resolve("manifest.json").toFile());
        return new Run(read(outDir, manifest.path("inputs")), read(outDir, manifest.path("outputs")));
    }

    private static Map<String, Tensor> read(Path dir, JsonNode list) throws IOException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (JsonNode e : list) {
            Path file = dir.resolve(e.path("file").asText());
            out.put(e.path("name").asText(), Npy.read(Files.readAllBytes(file), file.toString()));
        }
        return out;
    }
}
