package dev.lookout.monitor;

import dev.lookout.AtomicFiles;
import dev.lookout.capture.MatImages;
import dev.lookout.detect.Detection;
import dev.lookout.event.ObjectEvent;
import dev.lookout.notify.SnapshotJpeg;
import dev.lookout.overlay.DetectionPainter;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.opencv.core.Mat;

/**
 * The two pictures of one object event in {@code snapshots/<camera>/}: {@code <id>.jpg}, the whole frame with the
 * object's box and label drawn, and {@code <id>.thumb.jpg}, the object cropped with a margin and scaled to at most
 * {@link #THUMB_SIDE} pixels a side (a few tens of KB, for lists). Both share the stem {@code <id>}, so retention
 * removes them together. Each is written through a temporary file: a name in the store is always a whole file.
 * Writing a newer peak replaces both.
 */
final class SnapshotFiles {

    static final int THUMB_SIDE = 240;
    /** Margin around the box in the thumbnail, as a share of the box's larger side: some context, still the object. */
    static final double MARGIN = 0.15;

    /** The files written. */
    record Written(Path snapshot, Path thumbnail) {
    }

    private final Path folder;
    private final DetectionPainter painter = new DetectionPainter();

    SnapshotFiles(Path folder) {
        this.folder = folder;
    }

    /** Writes the pictures of {@code event} (its latest box and score) from {@code bgr}, which the caller keeps. */
    Written write(ObjectEvent event, Mat bgr) throws IOException {
        Files.createDirectories(folder);
        BufferedImage frame = MatImages.toBufferedImage(bgr, null);
        double[] b = event.box();
        Path thumbnail = folder.resolve(event.id() + ".thumb.jpg");
        byte[] thumb = SnapshotJpeg.encode(thumbnail(frame, b));
        AtomicFiles.replace(thumbnail, out -> out.write(thumb), true);
        Graphics2D g = frame.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            painter.paint(g, List.of(new Detection(b[0], b[1], b[2], b[3], event.className(), event.score())),
                    frame.getWidth(), frame.getHeight());
        } finally {
            g.dispose();
        }
        Path snapshot = folder.resolve(event.id() + ".jpg");
        byte[] jpeg = SnapshotJpeg.encode(frame);
        AtomicFiles.replace(snapshot, out -> out.write(jpeg), true);
        return new Written(snapshot, thumbnail);
    }

    /** The box grown by {@link #MARGIN}, clipped to the frame, scaled down to fit {@link #THUMB_SIDE}. */
    static BufferedImage thumbnail(BufferedImage frame, double[] box) {
        double margin = MARGIN * Math.max(box[2], box[3]);
        int x0 = clamp(box[0] - margin, frame.getWidth() - 1);
        int y0 = clamp(box[1] - margin, frame.getHeight() - 1);
        int x1 = Math.max(x0 + 1, clamp(box[0] + box[2] + margin, frame.getWidth()));
        int y1 = Math.max(y0 + 1, clamp(box[1] + box[3] + margin, frame.getHeight()));
        int w = x1 - x0;
        int h = y1 - y0;
        double scale = Math.min(1.0, (double) THUMB_SIDE / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(frame, 0, 0, tw, th, x0, y0, x1, y1, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static int clamp(double v, int max) {
        return (int) Math.max(0, Math.min(max, Math.round(v)));
    }
}
