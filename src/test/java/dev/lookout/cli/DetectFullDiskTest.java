package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.detect.ModelFiles;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.SmallDisk;
import dev.lookout.testsupport.TestData;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code detect --output} on a real full disk (a tmpfs, {@link SmallDisk}): the first line that cannot be written
 * ends the run with the system's reason, once, instead of detecting every input for nothing.
 */
@IntegrationTest
class DetectFullDiskTest {

    @TempDir
    Path dir;

    @Test
    void aFullOutputDiskStopsAtOnceWithTheReason() throws Exception {
        String model = TestData.require(TestData.modelDir().resolve(ModelFiles.MODEL_FILE), "the converted model")
                .getParent().toString();
        String photo = TestData.darknetPhoto("dog.jpg").toString();
        try (SmallDisk disk = SmallDisk.mount(dir, 64)) {
            try (RandomAccessFile filler = new RandomAccessFile(disk.path().resolve("filler").toFile(), "rw")) {
                byte[] block = new byte[4096];
                try {
                    while (true) {
                        filler.write(block);
                    }
                } catch (java.io.IOException full) {
                    // the disk is full now
                }
            }
            Path results = disk.path().resolve("results.jsonl");
            CliRun run = CliRun.of("detect", "--model", model, "--output", results.toString(), photo, photo, photo);
            assertEquals(1, run.exitCode(), run.toString());
            assertTrue(run.err().contains("cannot write --output " + results + ": No space left on device"),
                    run.err());
            assertEquals(1, run.err().split("No space left", -1).length - 1, "reported once: " + run.err());
            assertFalse(run.err().contains("\tat "), run.err());
            assertTrue(!Files.exists(results) || Files.size(results) == 0, "no partial line");
        }
    }
}
