package dev.lookout.notify;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * An event's snapshot as JPEG bytes for MQTT and webhooks: a JPEG file is sent as it is, any other image (the
 * recorder writes PNG) is re-encoded. Runs on a sink's own thread, never on the pipeline's.
 */
public final class SnapshotJpeg {

    /** Snapshots larger than this are not sent (a broker's or receiver's message limit is usually lower). */
    public static final long MAX_BYTES = 16L << 20;

    private SnapshotJpeg() {
    }

    /** The image at {@code path} as JPEG; an {@link IOException} names the file and what is wrong with it. */
    public static byte[] read(Path path) throws IOException {
        long size = Files.size(path);
        if (size > MAX_BYTES) {
            throw new IOException("snapshot " + path + " is " + size + " bytes, more than the " + MAX_BYTES
                    + " bytes sent");
        }
        byte[] bytes = Files.readAllBytes(path);
        if (isJpeg(bytes)) {
            return bytes;
        }
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        if (image == null) {
            throw new IOException("snapshot " + path + " is not an image Java can read");
        }
        return encode(image);
    }

    /** {@code image} encoded as JPEG (alpha dropped: JPEG has none). */
    public static byte[] encode(BufferedImage image) throws IOException {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = rgb.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(rgb, "jpg", out)) {
            throw new IOException("no JPEG writer in this Java runtime");
        }
        return out.toByteArray();
    }

    /** True if {@code bytes} start with JPEG's start-of-image marker. */
    public static boolean isJpeg(byte[] bytes) {
        return bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff;
    }
}
