package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lookout live --config FILE} refuses a bad file as {@code check-config} does (every problem with its line,
 * exit 2, no password) before any window or camera starts, and refuses the single camera's options beside it
 * ({@code --source}, {@code --remote-events}, {@code --classes}, ...): the file sets every camera.
 */
class LiveWallCommandTest {

    @Test
    void aBadFileIsRefusedWithEveryProblemBeforeTheWallOpens(@TempDir Path dir) throws Exception {
        Path file = MonitorCommandTest.badFile(dir);
        CliRun run = CliRun.of("live", "--config", file.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("lookout.yml:5:5") && run.err().contains("wacth"), run.err());
        assertTrue(run.err().contains("detect_fps"), run.err());
        assertFalse(run.err().contains("s3cret"), run.err());
        assertFalse(Files.exists(dir.resolve("data")), "nothing was started: no storage folder");
    }

    @Test
    void singleCameraOptionsAreRefusedBesideConfig(@TempDir Path dir) {
        CliRun run = CliRun.of("live", "--config", dir.resolve("lookout.yml").toString(), "--source", "0");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--source does not apply to the camera wall"), run.err());
        CliRun remote = CliRun.of("live", "--config", dir.resolve("lookout.yml").toString(), "--remote-events",
                "tcp://127.0.0.1:1883");
        assertEquals(2, remote.exitCode(), remote.toString());
        assertTrue(remote.err().contains("--remote-events"), remote.err());
        CliRun classes = CliRun.of("live", "--config", dir.resolve("lookout.yml").toString(), "--classes", "person");
        assertEquals(2, classes.exitCode(), classes.toString());
        assertTrue(classes.err().contains("--classes does not apply"), classes.err());
        assertFalse(Files.exists(dir.resolve("lookout.yml")), "no file written");
    }
}
