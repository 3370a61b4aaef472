package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file name with non-ASCII characters under the C locale, in a child JVM started by a shell script, so that the
 * name's UTF-8 bytes reach it as a user's shell passes them (whatever this JVM's own locale is): Java can never
 * open such a name there, so the message says why and how to run instead, and the batch goes on.
 */
@IntegrationTest
class NonUtf8LocaleTest {

    @TempDir
    Path dir;

    @Test
    void aNameTheLocaleCannotHoldIsExplainedAndTheNextInputIsStillDetected() throws Exception {
        Path photo = TestData.darknetPhoto("dog.jpg");
        String model = TestData.modelDir().toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path script = dir.resolve("run.sh");
        // printf turns \303\251 into the two bytes of é in UTF-8, as a UTF-8 terminal would have typed them
        Files.writeString(script, String.join("\n",
                "set -e",
                "name=\"caf$(printf '\\303\\251')\"",
                "mkdir \"$name\" && cp '" + photo + "' \"$name/dog.jpg\"",
                "exec '" + java + "' -cp '" + System.getProperty("java.class.path") + "' dev.lookout.cli.Main detect "
                        + "--model '" + model + "' \"$name/dog.jpg\" '" + photo + "'", ""), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(List.of("sh", script.toString())).directory(dir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("LANGUAGE"));
        builder.environment().put("LC_ALL", "C");
        builder.redirectError(dir.resolve("err.txt").toFile()).redirectOutput(dir.resolve("out.txt").toFile());
        Process p = builder.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child finished");
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), err);
        assertTrue(err.contains("is not a usable file name: this system's locale reads file names as")
                && err.contains("LC_ALL=C.UTF-8"), err);
        assertTrue(!err.contains("Exception") && !err.contains("\tat "), err);
        assertEquals(1, out.lines().count(), "the next input is detected: " + out);
        assertTrue(out.contains(photo.toString()), out);
    }
}
