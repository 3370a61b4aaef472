package dev.lookout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images are encoded in memory: no ImageIO disk cache, so also none of its temporary files. */
class ImageStreamsTest {

    @TempDir
    Path dir;

    @AfterEach
    void restoreImageIo() {
        ImageIO.setCacheDirectory(null);
        ImageIO.setUseCache(true);
    }

    private static BufferedImage picture() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 40, 20));
        g.fillRect(0, 0, 32, 48);
        g.setColor(new Color(20, 60, 220));
        g.fillRect(32, 0, 32, 48);
        g.dispose();
        return image;
    }

    /** ImageIO's cache folder vanishes after it was chosen: ImageIO.write then fails, the in-memory path does not. */
    @Test
    void encodesWithoutImageIosDiskCache() throws Exception {
        Path cache = Files.createDirectory(dir.resolve("cache"));
        ImageIO.setUseCache(true);
        ImageIO.setCacheDirectory(cache.toFile());
        Files.delete(cache);
        assertThrows(Exception.class, () -> ImageIO.write(picture(), "png", new ByteArrayOutputStream()),
                "the check itself: ImageIO.write goes through the (now missing) cache folder");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageStreams.write(picture(), "png", png);
        ByteArrayOutputStream jpg = new ByteArrayOutputStream();
        ImageStreams.write(picture(), "jpg", jpg);
        ImageIO.setCacheDirectory(null); // reading back may use the cache again
        for (String format : new String[] {"png", "jpg"}) {
            byte[] bytes = (format.equals("png") ? png : jpg).toByteArray();
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes));
            assertEquals(64, back.getWidth(), format);
            Color left = new Color(back.getRGB(8, 24));
            Color right = new Color(back.getRGB(56, 24));
            assertTrue(left.getRed() > 150 && left.getBlue() < 80, format + " left " + left);
            assertTrue(right.getBlue() > 150 && right.getRed() < 80, format + " right " + right);
        }
    }

    @Test
    void anUnknownFormatIsAClearError() {
        IOException e = assertThrows(IOException.class,
                () -> ImageStreams.write(picture(), "nosuchformat", new ByteArrayOutputStream()));
        assertEquals("no NOSUCHFORMAT writer in this Java runtime", e.getMessage());
    }
}
