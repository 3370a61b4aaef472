package dev.lookout.capture;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lookout.testsupport.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Decoding thousands of frames must not grow native memory: each 768×576 frame is 1.3 MB of pixels, so a leaked
 * frame, Mat or FFmpeg buffer per read would show as gigabytes.
 */
@IntegrationTest
class LongRunMemoryTest {

    private static final Path STATUS = Path.of("/proc/self/status");

    @Test
    void loopingThousandsOfFramesKeepsResidentMemoryFlat() throws IOException {
        assumeTrue(Files.isReadable(STATUS), "needs /proc/self/status (Linux)");
        Path vtest = TestData.vtestAvi();
        try (PacedFrameSource source = PacedFrameSource.open(() -> FfmpegFrameSource.openFile(vtest), false, true)) {
            readFrames(source, 400); // warm-up: decoders, pools, JIT
            long before = residentKb();
            readFrames(source, 2400); // three more loops: three more reopenings of the file
            long after = residentKb();
            System.out.printf("RSS before %d MB, after 2400 more frames %d MB%n", before / 1024, after / 1024);
            assertEquals(4, source.passes());
            // 2400 leaked frames would be ~3 GB; allow for allocator and JIT noise
            assertTrue(after - before < 150 * 1024, "resident memory grew by " + (after - before) / 1024 + " MB");
        }
    }

    private static void readFrames(FrameSource source, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            try (Frame frame = source.read()) {
                frame.image(); // touch
            }
        }
    }

    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(STATUS)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in " + STATUS);
    }
}
