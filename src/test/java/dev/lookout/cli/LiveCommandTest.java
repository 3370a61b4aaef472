package dev.lookout.cli;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.testsupport.TestData;
import java.awt.GraphicsEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code lookout live} from the command line: usage errors, no display, and a timed run on real video. */
@IntegrationTest
class LiveCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void liveIsTheDefaultCommandAndListedFirst() {
        CliRun help = run("--help");
        assertEquals(0, help.exitCode());
        String firstCommand = help.out().lines().filter(l -> l.startsWith("  ")).findFirst().orElse("");
        assertTrue(firstCommand.trim().startsWith("live"), help.out());
        CliRun defaultHelp = run("live", "--help");
        assertTrue(defaultHelp.out().contains("--source=SPEC") && defaultHelp.out().contains("--duration"));
    }

    @Test
    void badOptionsAreUsageErrorsWithoutOpeningAWindow() {
        for (List<String> args : List.of(List.of("--min-score", "2"), List.of("--min-score", "abc"),
                List.of("--max-boxes", "0"), List.of("--theme", "pink"), List.of("--device", "tpu"),
                List.of("--interval", "0"), List.of("--size", "big"), List.of("--duration", "-1"),
                List.of("--bogus"), List.of("live", "clip.mp4"))) {
            CliRun r = run(args.toArray(String[]::new));
            assertEquals(2, r.exitCode(), args + ": " + r.err());
            assertTrue(r.err().startsWith("lookout live: "), args + " -> " + r.exitCode() + " [" + r.err() + "] [" + r.out() + "]");
            assertTrue(r.err().lines().count() <= 2, "no stack trace: " + r.err());
        }
    }

    @Test
    void withoutADisplayItSaysSoAndSuggestsDetect() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "dev.lookout.cli.Main", "live", "--source", "0")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "exits");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("no display") && output.contains("lookout detect"), output);
        assertTrue(!output.contains("Exception") && !output.contains("\tat "), output);
    }

    @Test
    void timedRunOnVtestPrintsOneJsonLineOfConsistentStatistics() throws Exception {
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (xvfb-run)");
        Path video = TestData.vtestAvi();
        TestData.require(TestData.modelDir().resolve("model.onnx"), "the converted model");
        long start = System.nanoTime();
        CliRun r = run("live", "--source", video.toString(), "--duration", "8", "--device", "cpu");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(seconds < 30, "closed by --duration after " + seconds + " s");
        List<String> lines = r.out().lines().toList();
        assertEquals(1, lines.size(), r.out());
        JsonNode stats = new ObjectMapper().readTree(lines.get(0));
        long captured = stats.get("framesCaptured").asLong();
        // vtest plays at its own 10 fps: about 8 s of it, less the time the window took to open.
        assertTrue(captured >= 40 && captured <= 85, "10 fps for up to 8 s: " + stats);
        long accounted = stats.get("framesDetected").asLong() + stats.get("framesSkipped").asLong()
                + stats.get("framesBeforeModel").asLong() + stats.get("detectionErrors").asLong();
        assertTrue(captured - accounted >= 0 && captured - accounted <= 1,
                "every frame detected, skipped, or before the model (one may be in flight): " + stats);
        assertEquals(0, stats.get("detectionErrors").asLong());
        assertTrue(stats.get("framesDetected").asLong() > 10, "" + stats);
        // Frames still waiting when the window closed count as not shown; only the one frame the window had taken
        // but not yet painted may be missing.
        long shownOrNot = stats.get("framesShown").asLong() + stats.get("framesNotShown").asLong();
        assertTrue(captured - shownOrNot >= 0 && captured - shownOrNot <= 1,
                "every frame shown or counted as not shown: " + stats);
        assertEquals("CPU", stats.get("provider").asText());
        assertTrue(stats.get("latencyMedianMs").asDouble() > 0);
        assertTrue(stats.get("firstDetectionPaintedMs").asDouble() > 0);
    }
}
