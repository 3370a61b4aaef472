package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every output option of every command is checked against the inputs and refused as a device ({@link
 * CommandPaths}): a usage error (exit 2) before anything is read or written, and the input is byte for byte as it
 * was. The runs stop at the check, so no model is loaded.
 */
class OutputsNeverInputsTest {

    @TempDir
    Path dir;

    private Path video;
    private byte[] videoBytes;

    @BeforeEach
    void video() throws Exception {
        video = dir.resolve("in.mp4");
        videoBytes = "not really a video, but named as one".getBytes();
        Files.write(video, videoBytes);
    }

    @Test
    void detectWatchEventsOntoTheInputVideoIsRefusedAndTheVideoUntouched() throws Exception {
        CliRun run = CliRun.of("detect", "--watch", "person", "--events", video.toString(), video.toString());
        assertRefused(run, "--events " + video + " is the input " + video);
        assertArrayEquals(videoBytes, Files.readAllBytes(video));
    }

    @Test
    void detectTrackEventsOntoTheInputVideoIsRefused() throws Exception {
        CliRun run = CliRun.of("detect", "--track", "--track-events", video.toString(), video.toString());
        assertRefused(run, "--track-events " + video + " is the input " + video);
        assertArrayEquals(videoBytes, Files.readAllBytes(video));
    }

    @Test
    void detectOutputsOntoAnImageOfAnInputFolderAreRefused() throws Exception {
        Path photos = Files.createDirectory(dir.resolve("photos"));
        Path photo = Files.write(photos.resolve("a.jpg"), new byte[] {1, 2, 3});
        for (String option : new String[] {"--output", "--record", "--track-events"}) {
            CliRun run = CliRun.of("detect", option, photo.toString(), photos.toString());
            assertRefused(run, option + " " + photo + " is the input " + photo);
        }
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(photo));
    }

    @Test
    void trackOutputOntoItsGroundTruthIsRefusedAndTheTruthKept() throws Exception {
        Path truth = Files.writeString(dir.resolve("gt.txt"), "1,1,10,10,20,20,1,-1,-1,-1\n");
        Path lines = Files.writeString(dir.resolve("d.jsonl"), "");
        CliRun run = CliRun.of("track", "--truth", truth.toString(), "--output", truth.toString(), lines.toString());
        assertRefused(run, "--output " + truth + " is the input --truth " + truth);
        assertEquals("1,1,10,10,20,20,1,-1,-1,-1\n", Files.readString(truth));
        assertRefused(CliRun.of("track", "--output", lines.toString(), lines.toString()),
                "--output " + lines + " is the input INPUT " + lines);
    }

    @Test
    void convertOntoItsOwnModelJsonOrShardIsAUsageError() throws Exception {
        Path model = Files.createDirectory(dir.resolve("tfjs"));
        Path json = Files.writeString(model.resolve("model.json"), "{}");
        Path shard = Files.write(model.resolve("group1-shard1of1.bin"), new byte[8]);
        assertRefused(CliRun.of("convert", model.toString(), json.toString()), "is the input MODEL " + json);
        assertRefused(CliRun.of("convert", json.toString(), shard.toString()), "is the input MODEL " + shard);
        assertEquals("{}", Files.readString(json));
    }

    @Test
    void outputsOntoADeviceAreRefusedAndTheDeviceStaysADevice() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "Linux's /dev/full");
        Path model = Files.createDirectory(dir.resolve("tfjs"));
        Files.writeString(model.resolve("model.json"), "{}");
        assertRefused(CliRun.of("convert", model.toString(), "/dev/full"),
                "/dev/full is a device or other special file, not a regular file");
        assertRefused(CliRun.of("run", "model.onnx", "--input", video.toString(), "--output", "/dev/full"),
                "--output /dev/full is a device");
        assertRefused(CliRun.of("detect", "--output", "/dev/full", video.toString()), "--output /dev/full is a device");
        assertRefused(CliRun.of("track", "--output", "/dev/full", video.toString()), "--output /dev/full is a device");
        assertTrue(Files.readAttributes(full, BasicFileAttributes.class).isOther(), "/dev/full is still a device");
    }

    @Test
    void twoOutputsOnOneFileAreRefused() {
        Path lines = dir.resolve("out.jsonl");
        CliRun run = CliRun.of("detect", "--output", lines.toString(), "--track", "--track-events", lines.toString(),
                video.toString());
        assertRefused(run, "are both " + lines);
        assertFalse(Files.exists(lines));
    }

    @Test
    void aFileWhereAFolderIsMeantAndAFolderWhereAFileIsMeantAreNamed() {
        assertRefused(CliRun.of("detect", "--snapshot", video.toString(), video.toString()),
                "--snapshot " + video + " is a file, not a folder");
        assertRefused(CliRun.of("detect", "--output", dir.toString(), video.toString()),
                "--output " + dir + " is a folder");
    }

    @Test
    void liveRecordOntoItsSourceIsRefused() throws Exception {
        CliRun run = CliRun.of("live", "--source", video.toString(), "--record", video.toString());
        assertRefused(run, "--record " + video + " is the input --source " + video);
        assertArrayEquals(videoBytes, Files.readAllBytes(video));
    }

    @Test
    void everyCommandsHelpPrintsNoWarning() {
        CommandLine root = Main.commandLine(new LookoutCommand(), System.out, System.err);
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream picocli = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(picocli, true)); // picocli's own warnings go to System.err
        try {
            for (String name : root.getSubcommands().keySet()) {
                CliRun help = CliRun.of(name, "--help");
                assertEquals(0, help.exitCode(), name + " --help: " + help.err());
                assertEquals("", help.err(), name + " --help wrote on stderr");
                assertEquals("", picocli.toString(), name + " --help made picocli warn");
            }
        } finally {
            System.setErr(stderr);
        }
    }

    private static void assertRefused(CliRun run, String message) {
        assertEquals(Main.EXIT_USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains(message), "expected '" + message + "' in: " + run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
