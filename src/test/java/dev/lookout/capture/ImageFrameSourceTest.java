package dev.lookout.capture;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;

/** Still images from Debian's darknet photos. */
@IntegrationTest
class ImageFrameSourceTest {

    @TempDir
    Path scratch;

    @Test
    void readsOnePhotoOnce() throws IOException {
        Path dog = TestData.darknetPhoto("dog.jpg");
        try (ImageFrameSource source = ImageFrameSource.open(dog, Duration.ofSeconds(1))) {
            try (Frame frame = source.read()) {
                assertEquals(768, frame.width());
                assertEquals(576, frame.height());
                assertEquals(0, frame.index());
                assertEquals(0, frame.timestampMicros());
                double mean = Core.mean(frame.image()).val[2];
                assertTrue(mean > 30 && mean < 230, "red mean " + mean);
            }
            assertNull(source.read());
        }
    }

    @Test
    void readsAFolderSortedByNameSkippingDamagedImages() throws IOException {
        Path photos = TestData.darknetPhoto("dog.jpg").getParent();
        Path folder = scratch.resolve("slides");
        Files.createDirectories(folder);
        for (String name : List.of("scream.jpg", "dog.jpg", "kite.jpg")) {
            Files.copy(photos.resolve(name), folder.resolve(name));
        }
        Files.writeString(folder.resolve("broken.jpg"), "not a jpeg");
        Files.writeString(folder.resolve("readme.txt"), "ignored");
        try (ImageFrameSource source = ImageFrameSource.open(folder, Duration.ofMillis(500))) {
            assertEquals(List.of("broken.jpg", "dog.jpg", "kite.jpg", "scream.jpg"),
                    source.files().stream().map(p -> p.getFileName().toString()).toList());
            List<Integer> widths = new ArrayList<>();
            List<Long> timestamps = new ArrayList<>();
            for (Frame next = source.read(); next != null; next = source.read()) {
                try (Frame frame = next) {
                    widths.add(frame.width());
                    timestamps.add(frame.timestampMicros());
                }
            }
            assertEquals(3, widths.size());
            assertEquals(List.of(0L, 500_000L, 1_000_000L), timestamps);
            assertEquals(List.of(folder.resolve("broken.jpg")), source.skipped());
            assertEquals(2.0, source.frameRate(), 1e-9);
        }
    }

    @Test
    void badImageInputsAreClearErrors() throws IOException {
        IOException missing = assertThrows(IOException.class,
                () -> ImageFrameSource.open(scratch.resolve("nope.jpg"), Duration.ofSeconds(1)));
        assertTrue(missing.getMessage().startsWith("no such file: "), missing.getMessage());

        Path fake = scratch.resolve("fake.png");
        Files.writeString(fake, "text");
        IOException damaged = assertThrows(IOException.class, () -> ImageFrameSource.open(fake, Duration.ofSeconds(1)));
        assertTrue(damaged.getMessage().contains("cannot read " + fake + " as an image"), damaged.getMessage());

        Path empty = Files.createDirectories(scratch.resolve("empty"));
        IOException none = assertThrows(IOException.class, () -> ImageFrameSource.open(empty, Duration.ofSeconds(1)));
        assertTrue(none.getMessage().startsWith("no images in folder "), none.getMessage());
    }
}
