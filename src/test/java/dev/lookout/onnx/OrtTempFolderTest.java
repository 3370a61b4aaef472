package dev.lookout.onnx;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run of Lookout leaves nothing of ONNX Runtime's in the temp directory (the binding left an empty folder). */
@IntegrationTest
class OrtTempFolderTest {

    @Test
    void aDetectRunLeavesNoOnnxRuntimeFolderBehind(@TempDir Path tmp) throws Exception {
        Path image = TestData.reference().resolve("images/dog.png");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                "dev.lookout.cli.Main", "detect", "--device", "cpu", image.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "detect finished");
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("\"class\":\"dog\""), output);
        List<String> left;
        try (Stream<Path> files = Files.list(tmp)) {
            left = files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("onnxruntime-java")).toList();
        }
        assertEquals(List.of(), left, "ONNX Runtime's temporary folders left in " + tmp);
    }

    @Test
    void theBindingsFolderIsFoundOnceOnnxRuntimeIsLoaded() throws Exception {
        ai.onnxruntime.OrtEnvironment.getEnvironment();
        Path folder = OrtTempFolder.folder();
        assertTrue(folder != null && folder.getFileName().toString().startsWith("onnxruntime-java"), "" + folder);
    }
}
