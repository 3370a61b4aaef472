package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lookout monitor}'s checks before anything starts: a bad file exits 2 with every problem, no password. */
class MonitorCommandTest {

    /** A file with two problems and a password: the commands that read lookout.yml all refuse it the same way. */
    static Path badFile(Path dir) throws java.io.IOException {
        Path file = dir.resolve("lookout.yml");
        return Files.writeString(file, String.join("\n",
                "storage: data",
                "cameras:",
                "  gate:",
                "    source: rtsp://user:s3cret@192.0.2.10/stream",
                "    wacth: [person]",
                "  desk:",
                "    source: 0",
                "    detect_fps: fast",
                ""));
    }

    @Test
    void aBadFileIsRefusedWithEveryProblemBeforeAnythingStarts(@TempDir Path dir) throws Exception {
        Path file = badFile(dir);
        CliRun run = CliRun.of("monitor", "--config", file.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("wacth"), run.err());
        assertTrue(run.err().contains("detect_fps"), run.err());
        assertFalse(run.err().contains("s3cret"), run.err());
        assertFalse(Files.exists(dir.resolve("data")), "nothing was started: no storage folder");
    }

    @Test
    void aMissingFileAndABadDurationAreUsageErrors(@TempDir Path dir) {
        CliRun missing = CliRun.of("monitor", "--config", dir.resolve("none.yml").toString());
        assertEquals(2, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("none.yml"), missing.err());
        CliRun duration = CliRun.of("monitor", "--config", dir.resolve("none.yml").toString(), "--duration", "0");
        assertEquals(2, duration.exitCode(), duration.toString());
        assertTrue(duration.err().contains("--duration"), duration.err());
    }

    @Test
    void anOpenHttpBindWithoutAPasswordIsAUsageErrorBeforeAnythingStarts(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("lookout.yml"), String.join("\n",
                "storage: data",
                "cameras:",
                "  desk:",
                "    source: 0",
                ""));
        CliRun run = CliRun.of("monitor", "--config", file.toString(), "--http", "0.0.0.0:18080",
                "--model", dir.resolve("no-model").toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("0.0.0.0:18080"), run.err());
        assertTrue(run.err().contains("set http: password: in lookout.yml"), run.err());
        assertFalse(Files.exists(dir.resolve("data")), "nothing was started: no storage folder");
    }
}
