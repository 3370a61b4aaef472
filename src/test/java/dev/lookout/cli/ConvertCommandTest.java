package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lookout convert} and {@code lookout inspect} on good and bad models: messages, exit codes, no output. */
class ConvertCommandTest {

    @TempDir
    Path dir;
    Path model;
    Path out;
    String stderr;
    String stdout;

    @BeforeEach
    void writeModel() throws Exception {
        model = dir.resolve("model");
        // A three-shard model: x + c, then Relu6, with 600 floats of weights (2,400 bytes → 1,000 + 1,000 + 400)
        float[] c = new float[600];
        for (int i = 0; i < c.length; i++) {
            c[i] = i * 0.01f;
        }
        new dev.lookout.convert.TestModels().addRelu6Model(model, c, 1000);
        out = dir.resolve("out.onnx");
    }

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        stdout = o.toString(StandardCharsets.UTF_8);
        stderr = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private void assertFailsWithoutOutput(String... expectedInMessage) throws Exception {
        assertEquals(1, run("convert", model.toString(), out.toString()), stderr);
        for (String s : expectedInMessage) {
            assertTrue(stderr.contains(s), "message should contain '" + s + "': " + stderr);
        }
        assertFalse(stderr.contains("\tat "), "no stack trace: " + stderr);
        assertFalse(Files.exists(out), "no output file after a failed conversion");
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }
    }

    @Test
    void convertsAndIsDeterministic() throws Exception {
        assertEquals(0, run("convert", model.toString(), out.toString()), stderr);
        byte[] first = Files.readAllBytes(out);
        assertEquals(0, run("convert", model.resolve("model.json").toString(), dir.resolve("again.onnx").toString()));
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("again.onnx")), "byte-identical output");
    }

    @Test
    void missingModelJson() throws Exception {
        Files.delete(model.resolve("model.json"));
        assertFailsWithoutOutput("no model.json in " + model);
    }

    @Test
    void missingShard() throws Exception {
        Files.delete(model.resolve("group1-shard2of3"));
        assertFailsWithoutOutput("group1-shard2of3", "missing");
    }

    @Test
    void shortShardNamesTheFileAndBothSizes() throws Exception {
        Path shard = model.resolve("group1-shard3of3");
        Files.write(shard, Arrays.copyOf(Files.readAllBytes(shard), 300));
        assertFailsWithoutOutput("group1-shard3of3", "too short", "expected 400 bytes, found 300");
    }

    @Test
    void truncatedMiddleShardIsTheOneBlamed() throws Exception {
        Path shard = model.resolve("group1-shard2of3");
        Files.write(shard, Arrays.copyOf(Files.readAllBytes(shard), 500));
        assertFailsWithoutOutput("group1-shard2of3", "too short", "expected 1000 bytes, found 500");
    }

    @Test
    void longShard() throws Exception {
        Path shard = model.resolve("group1-shard3of3");
        Files.write(shard, Arrays.copyOf(Files.readAllBytes(shard), 480));
        assertFailsWithoutOutput("group1-shard3of3", "too long", "expected 400 bytes, found 480");
    }

    @Test
    void malformedJson() throws Exception {
        Path json = model.resolve("model.json");
        String text = Files.readString(json);
        Files.writeString(json, text.substring(0, text.length() / 2));
        assertFailsWithoutOutput("is not valid JSON", "line");
    }

    @Test
    void everyUnsupportedOpIsListedWithOneNode() throws Exception {
        new dev.lookout.convert.TestModels().addUnsupportedOpsModel(model);
        assertFailsWithoutOutput("Conv3D (node conv3d_1)", "FFT (node fft)");
        assertFalse(stderr.contains("conv3d_2"), "one node per op type: " + stderr);
    }

    @Test
    void failedConversionLeavesAnExistingOutputUntouched() throws Exception {
        Files.writeString(out, "previous good model");
        Files.delete(model.resolve("group1-shard1of3"));
        assertEquals(1, run("convert", model.toString(), out.toString()));
        assertEquals("previous good model", Files.readString(out));
    }

    @Test
    void usageErrorsExitWith2() {
        assertEquals(2, run("convert", model.toString()));
        assertTrue(stderr.contains("usage") || stderr.contains("takes"), stderr);
        assertEquals(2, run("convert", "--bogus", "a", "b"));
    }

    @Test
    void inspectReportsBothFormats() throws Exception {
        assertEquals(0, run("convert", model.toString(), out.toString()));
        assertEquals(0, run("inspect", out.toString(), "--json"));
        assertTrue(stdout.contains("\"format\":\"onnx\""), stdout);
        // the unknown batch stays unknown
        assertTrue(stdout.contains("\"name\":\"x\",\"dtype\":\"float\",\"shape\":[-1,2,3,100]"), stdout);
        assertTrue(stdout.contains("\"Clip\":1"), stdout);
        // the 600 weights and Clip's two bounds
        assertTrue(stdout.contains("\"parameters\":602"), stdout);
        assertEquals(0, run("inspect", model.toString()));
        assertTrue(stdout.contains("format:     tfjs-graph-model"), stdout);
        assertTrue(stdout.contains("Relu6"), stdout);
        assertTrue(stdout.contains("weights:    2,400 bytes"), stdout);
        assertEquals(1, run("inspect", dir.resolve("nothing.onnx").toString()));
        Files.writeString(dir.resolve("junk.onnx"), "not a model at all");
        assertEquals(1, run("inspect", dir.resolve("junk.onnx").toString()));
        assertTrue(stderr.contains("neither an ONNX model"), stderr);
        List.of(stdout, stderr).forEach(s -> assertFalse(s.contains("\tat "), s));
    }
}
