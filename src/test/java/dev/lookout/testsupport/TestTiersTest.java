package dev.lookout.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code mvn test} fast and self-contained: a test class that reads data outside the repository, starts a
 * server, a browser or a child JVM, or mounts a file system must be an {@link IntegrationTest} (run by
 * {@code mvn verify}).
 */
class TestTiersTest {

    /** What only the slower tier may use. */
    static final Pattern NEEDS_INTEGRATION = Pattern.compile("TestData\\.(vtestAvi|darknetPhoto|reference|tfjsCocoSsd"
            + "|mediaDir)\\(|ProcessBuilder|SmallDisk\\.|RtspTestServer\\.start|MjpegHttpServer\\.start|Mosquitto"
            + "|ReferenceData\\.|RawOutputs\\.|Chromium|TfjsReference|TfjsParity\\.");

    @Test
    void classesNeedingOutsideThingsAreIntegrationTests() throws IOException {
        Path tests = TestData.projectDir().resolve("src/test/java");
        List<String> misplaced;
        try (Stream<Path> files = Files.walk(tests)) {
            misplaced = files.filter(f -> f.toString().endsWith("Test.java")).filter(TestTiersTest::misplaced)
                    .map(f -> tests.relativize(f).toString()).sorted().toList();
        }
        assertEquals(List.of(), misplaced, "annotate these with @IntegrationTest (they need data, servers or "
                + "processes from outside the fast tier)");
    }

    private static boolean misplaced(Path file) {
        try {
            String source = Files.readString(file);
            if (file.getFileName().toString().equals("TestTiersTest.java")) {
                return false;
            }
            return NEEDS_INTEGRATION.matcher(source).find() && !source.contains("@IntegrationTest");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
