package dev.lookout.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile models and careless outputs: nothing outside the model is read, no input is overwritten. */
@IntegrationTest
class ConvertSafetyTest {

    @TempDir
    Path dir;

    private List<Path> tinyModel(Path folder) throws Exception {
        return new TfjsModelBuilder()
                .placeholder("x", 1, 1, 2)
                .constFloat("w", new long[] {2}, 1, 2)
                .op("y", "Mul", "{}", "x", "w")
                .write(folder, 1 << 20);
    }

    private void rewritePaths(Path modelJson, String path) throws Exception {
        String json = Files.readString(modelJson).replace("\"group1-shard1of1\"", "\"" + path + "\"");
        Files.writeString(modelJson, json);
    }

    @Test
    void aWeightPathLeadingOutOfTheModelFolderIsRefusedByName() throws Exception {
        Path model = dir.resolve("model");
        tinyModel(model);
        Files.copy(model.resolve("group1-shard1of1"), dir.resolve("secret.bin"));
        rewritePaths(model.resolve("model.json"), "../secret.bin");
        ConversionException e = assertThrows(ConversionException.class, () -> TfjsModel.load(model));
        assertEquals("weight path '../secret.bin' in " + model.resolve("model.json") + " leads outside the model's"
                + " folder; weight files must be in the folder of model.json", e.getMessage());
    }

    @Test
    void anAbsoluteWeightPathIsRefusedByName() throws Exception {
        Path model = dir.resolve("model");
        tinyModel(model);
        String absolute = model.resolve("group1-shard1of1").toAbsolutePath().toString();
        rewritePaths(model.resolve("model.json"), absolute);
        ConversionException e = assertThrows(ConversionException.class, () -> TfjsModel.load(model));
        assertTrue(e.getMessage().startsWith("weight path '" + absolute + "' in "), e.getMessage());
        assertTrue(e.getMessage().contains("leads outside the model's folder"), e.getMessage());
    }

    @Test
    void anOutputThatIsAShardOrModelJsonIsRefusedAndLeftIntact() throws Exception {
        Path model = dir.resolve("model");
        List<Path> files = tinyModel(model);
        for (Path input : files) {
            byte[] before = Files.readAllBytes(input);
            ConversionException e = assertThrows(ConversionException.class,
                    () -> TfjsConverter.convert(model, input));
            assertEquals("the output " + input + " is the input " + input + "; choose another file",
                    e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(input), input + " unchanged");
        }
    }

    @Test
    void anOutputLinkedToAShardIsRefused() throws Exception {
        Path model = dir.resolve("model");
        tinyModel(model);
        Path shard = model.resolve("group1-shard1of1");
        byte[] before = Files.readAllBytes(shard);
        Path link = Files.createSymbolicLink(dir.resolve("out.onnx"), shard);
        ConversionException e = assertThrows(ConversionException.class, () -> TfjsConverter.convert(model, link));
        assertTrue(e.getMessage().startsWith("the output " + link + " is the input " + shard + ";"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(shard));
    }

    @Test
    void aFailedConversionLeavesAnExistingOutputUntouched() throws Exception {
        Path model = dir.resolve("model");
        new TfjsModelBuilder().placeholder("x", 1, 1, 2).op("y", "NoSuchOp", "{}", "x").write(model, 1 << 20);
        Path output = Files.writeString(dir.resolve("kept.onnx"), "previous result");
        assertThrows(ConversionException.class, () -> TfjsConverter.convert(model, output));
        assertEquals("previous result", Files.readString(output));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("kept.onnx", "model"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void convertLeavesNoOnnxRuntimeFolderInTheTempDirectory() throws Exception {
        Path model = dir.resolve("model");
        tinyModel(model);
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                "dev.lookout.cli.Main", "convert", model.toString(), dir.resolve("out.onnx").toString(), "--quiet")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "convert finished");
        assertEquals(0, p.exitValue(), output);
        assertTrue(Files.size(dir.resolve("out.onnx")) > 0);
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).toList(), "left in " + tmp);
        }
    }
}
