package dev.lookout.capture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** This machine has no camera: the "nothing there" paths must answer quickly and clearly. */
class CameraFrameSourceTest {

    @Test
    void noCameraAtIndexZeroIsAQuickClearError() {
        assumeTrue(!Files.exists(Path.of("/dev/video0")), "a camera is attached; this test is for machines without");
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(IOException.class, () -> CameraFrameSource.open(0, new FrameSize(1280, 720))));
        assertTrue(e.getMessage().startsWith("no camera at index 0"), e.getMessage());
    }

    @Test
    void listingCamerasIsQuickAndEmptyHere() {
        assumeTrue(!Files.exists(Path.of("/dev/video0")), "a camera is attached; this test is for machines without");
        List<Integer> cameras = assertTimeoutPreemptively(Duration.ofSeconds(5), FrameSources::listCameras);
        assertTrue(cameras.isEmpty(), cameras.toString());
    }

    @Test
    void negativeIndexIsRejected() {
        IOException e = assertThrows(IOException.class, () -> CameraFrameSource.open(-1, null));
        assertTrue(e.getMessage().contains("0 or more"), e.getMessage());
    }
}
