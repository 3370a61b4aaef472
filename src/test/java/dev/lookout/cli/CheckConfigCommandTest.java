package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lookout check-config FILE}: a summary and exit 0, or every problem as FILE:LINE:COL and exit 2. */
class CheckConfigCommandTest {

    private static final Path CONFIGS = Path.of("src/test/resources/dev/lookout/config");

    @TempDir
    Path tmp;

    @Test
    void aValidFileIsSummarizedWithoutPasswords() {
        CliRun run = CliRun.of("check-config", CONFIGS.resolve("full.yml").toString());

        assertEquals(0, run.exitCode(), run.toString());
        String[] lines = run.out().split("\n");
        assertEquals("OK: 2 cameras (gate, desk); storage " + CONFIGS.toAbsolutePath().resolve("lookout-data")
                + "; device cpu; mqtt tcp://127.0.0.1:1883 as home/lookout/garage-pc; http 0.0.0.0:8080 with password;"
                + " 2 webhooks", lines[0]);
        assertEquals("  gate: rtsp://***@192.0.2.10:554/stream1; watches person, car; records continuous; zones drive;"
                + " lines entrance", lines[1]);
        assertEquals("  desk: 0; watches person; records events", lines[2]);
        assertEquals("", run.err());
        assertFalse(run.out().contains("s3cret"), run.out());
    }

    @Test
    void everyProblemIsALineWithFileLineAndColumn() {
        Path file = CONFIGS.resolve("bad/wrong-types.yml");
        CliRun run = CliRun.of("check-config", file.toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertEquals(file + ":4:16: cameras.gate.min_score: expected a number from 0 to 1, found 'high'\n"
                + file + ":5:16: cameras.gate.snapshots: expected true or false, found 'no'\n"
                + file + ":6:12: cameras.gate.watch: expected a list like [person, car], found 'person'\n"
                + file + ":7:17: cameras.gate.detect_fps: expected a number from 0.01 to 1000, found a list\n",
                run.err());
    }

    @Test
    void passwordsNeverReachTheTerminal() {
        CliRun run = CliRun.of("check-config", CONFIGS.resolve("bad/passwords.yml").toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(8, run.err().split("\n").length, run.err());
        assertFalse(run.err().contains("Pa55word") || run.err().contains("Hook-Token-99"), run.err());
    }

    @Test
    void aMissingPasswordFileOrAnUnsetVariableIsAProblemAtItsKey() throws Exception {
        Path file = Files.writeString(tmp.resolve("lookout.yml"), String.join("\n",
                "mqtt:",
                "  url: tcp://127.0.0.1:1883",
                "  username: lookout",
                "  password_file: secrets/mqtt",
                "http:",
                "  password: ${LOOKOUT_TEST_UNSET_HTTP_PASSWORD}",
                "cameras:",
                "  gate:",
                "    source: 0",
                ""));
        CliRun run = CliRun.of("check-config", file.toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(file + ":4:18: mqtt.password_file: no such file: " + tmp.resolve("secrets/mqtt")
                + " (relative paths start at the configuration file's folder)\n"
                + file + ":6:13: http.password: the environment variable LOOKOUT_TEST_UNSET_HTTP_PASSWORD is not set: "
                + "set it before starting lookout, or use password_file:\n", run.err());

        Files.createDirectories(tmp.resolve("secrets"));
        Files.writeString(tmp.resolve("secrets/mqtt"), "Check-Pa55word\n");
        Files.writeString(file, Files.readString(file).replace("  password: ${LOOKOUT_TEST_UNSET_HTTP_PASSWORD}\n",
                "  password_file: secrets/mqtt\n"));
        CliRun ok = CliRun.of("check-config", file.toString());
        assertEquals(0, ok.exitCode(), ok.toString());
        assertTrue(ok.out().contains("with password"), ok.out());
        assertFalse((ok.out() + ok.err()).contains("Check-Pa55word"), ok.toString());
    }

    @Test
    void missingFolderOrUnreadableFilesExitTwoWithOneLine() throws Exception {
        CliRun missing = CliRun.of("check-config", tmp.resolve("lookout.yml").toString());
        assertEquals(2, missing.exitCode());
        assertEquals("lookout check-config: no such configuration file: " + tmp.resolve("lookout.yml") + "\n",
                missing.err());

        CliRun folder = CliRun.of("check-config", tmp.toString());
        assertEquals(2, folder.exitCode());
        assertEquals("lookout check-config: " + tmp + " is a folder, not a configuration file\n", folder.err());

        Path latin1 = Files.write(tmp.resolve("latin1.yml"), new byte[] {'c', 'a', 'm', (byte) 0xE9, ':', '\n'});
        CliRun binary = CliRun.of("check-config", latin1.toString());
        assertEquals(2, binary.exitCode());
        assertEquals("lookout check-config: " + latin1 + " is not UTF-8 text: save it as UTF-8\n", binary.err());

        CliRun none = CliRun.of("check-config");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().startsWith("lookout check-config: Missing required parameter: 'FILE'"), none.err());
    }
}
