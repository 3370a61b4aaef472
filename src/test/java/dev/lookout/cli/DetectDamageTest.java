package dev.lookout.cli;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.FfmpegTestSource;
import dev.lookout.testsupport.SmallDisk;
import dev.lookout.testsupport.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code detect} when the disk fills up, the video is cut short or standard output is closed. */
@IntegrationTest
class DetectDamageTest {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(DetectCommand command, PrintStream out, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = command.run(args, out, e);
        }
        return new Result(code, "", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFullDiskStopsTheSideOutputsNotTheDetections() throws Exception {
        Path video = TestData.vtestAvi();
        int frames = 30;
        try (SmallDisk disk = SmallDisk.mount(dir, 400)) {
            ByteArrayOutputStream lines = new ByteArrayOutputStream();
            Result r;
            try (PrintStream out = new PrintStream(lines, true, StandardCharsets.UTF_8)) {
                r = run(new DetectCommand(file -> new FfmpegTestSource(file, frames)), out, "--model",
                        TestData.modelDir().toString(), "--snapshot", disk.path().resolve("shots").toString(),
                        "--annotate", disk.path().resolve("annotated").toString(), video.toString());
            }
            assertEquals(1, r.code(), r.err());
            assertEquals(frames, lines.toString(StandardCharsets.UTF_8).lines().count(),
                    "every frame is still detected: " + r.err());
            assertEquals(2, r.err().split("No space left on device", -1).length - 1,
                    "each side output reports the full disk once: " + r.err());
            assertTrue(r.err().contains("no more --annotate copies are written, detection goes on"), r.err());
            assertTrue(r.err().contains("no more --snapshot files are written, detection goes on"), r.err());
        }
    }

    @Test
    void aTruncatedVideoIsAWarningNamingTheLastGoodFrame() throws Exception {
        Path whole = TestData.vtestAvi();
        Path cut = dir.resolve("cut.avi");
        try (InputStream in = Files.newInputStream(whole); OutputStream out = Files.newOutputStream(cut)) {
            out.write(in.readNBytes((int) (Files.size(whole) / 2)));
        }
        CliRun r = CliRun.of("detect", "--model", TestData.modelDir().toString(), "--every", "100", cut.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(4, r.jsonLines().size(), "frames 0, 100, 200, 300 before the damage");
        assertTrue(r.err().matches("(?s).*" + java.util.regex.Pattern.quote(cut.toString()) + ": warning: the video "
                + "ends early, after frame 3[0-9][0-9] \\(3[0-9]\\.[0-9]0 s\\) of the 795 it announces: the file "
                + "is damaged or truncated.*"), r.err());
        CliRun whole2 = CliRun.of("detect", "--model", TestData.modelDir().toString(), "--every", "400",
                whole.toString());
        assertEquals(0, whole2.exitCode(), "the whole file is not called truncated: " + whole2);
    }

    @Test
    void aClosedStandardOutputStopsTheRunAtTheFirstFailedWrite() throws Exception {
        int[] writes = {0};
        OutputStream closedAfterOneLine = new OutputStream() {
            private int lines;

            @Override
            public void write(int b) throws IOException {
                if (lines >= 1) {
                    throw new IOException("Broken pipe");
                }
                if (b == '\n') {
                    lines++;
                }
                writes[0]++;
            }
        };
        int frames = 200;
        Result r;
        try (PrintStream out = new PrintStream(closedAfterOneLine, true, StandardCharsets.UTF_8)) {
            r = run(new DetectCommand(file -> new FfmpegTestSource(file, frames)), out, "--model",
                    TestData.modelDir().toString(), TestData.vtestAvi().toString());
        }
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("cannot write to standard output (it was closed, e.g. by '| head'); stopped"),
                r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
