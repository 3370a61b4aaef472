package dev.lookout;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes an image into a stream with Java's image writers, in memory. {@code ImageIO.write(image, format, stream)}
 * buffers through a new temporary file per call (ImageIO's disk cache, on by default), which the monitor would do
 * several times a second per camera (annotated JPEGs, snapshots), each file and stream released only once the
 * garbage collector and ImageIO's disposer thread get to them. Here the buffer is memory and the writer's native
 * state is disposed at once.
 */
public final class ImageStreams {

    private ImageStreams() {
    }

    /**
     * Writes {@code image} to {@code out} as {@code format} ("jpg", "png"); {@code out} is flushed, not closed.
     *
     * @throws IOException when the stream fails or Java has no writer for the format
     */
    public static void write(RenderedImage image, String format, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IOException("no " + format.toUpperCase(java.util.Locale.ROOT) + " writer in this Java runtime");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } finally {
            writer.dispose();
        }
        out.flush();
    }
}
