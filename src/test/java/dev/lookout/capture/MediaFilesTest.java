package dev.lookout.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One rule for images and videos: extension first, then the file's signature. */
class MediaFilesTest {

    @TempDir
    Path dir;

    @Test
    void extensionsInAnyCase() {
        assertTrue(MediaFiles.hasImageExtension(Path.of("a/B.JPG")));
        assertTrue(MediaFiles.hasImageExtension(Path.of("x.jpe")));
        assertFalse(MediaFiles.hasImageExtension(Path.of("x.txt")));
        assertFalse(MediaFiles.hasImageExtension(Path.of(".png")));
        assertEquals(MediaFiles.Kind.IMAGE, MediaFiles.kind(Path.of("missing.PNG")));
        assertEquals(MediaFiles.Kind.VIDEO, MediaFiles.kind(Path.of("missing.mkv")));
    }

    @Test
    void anUnknownExtensionIsDecidedByTheFilesSignature() throws Exception {
        Path png = dir.resolve("still.frame");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        Path jpeg = dir.resolve("camera.capture");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpg", jpeg.toFile());
        Path bmp = dir.resolve("noext");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "bmp", bmp.toFile());
        Path avi = dir.resolve("clip.dat");
        Files.write(avi, new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'A', 'V', 'I', ' ', 'L', 'I', 'S', 'T'});
        assertEquals(MediaFiles.Kind.IMAGE, MediaFiles.kind(png));
        assertEquals(MediaFiles.Kind.IMAGE, MediaFiles.kind(jpeg));
        assertEquals(MediaFiles.Kind.IMAGE, MediaFiles.kind(bmp));
        assertEquals(MediaFiles.Kind.VIDEO, MediaFiles.kind(avi), "RIFF AVI is a video, RIFF WEBP an image");
        assertEquals(FrameSources.Kind.IMAGES, FrameSources.kindOf(png.toString()), "live agrees with detect");
        assertEquals(FrameSources.Kind.VIDEO_FILE, FrameSources.kindOf(avi.toString()));
    }
}
