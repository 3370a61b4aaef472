package dev.lookout.record;

import dev.lookout.AtomicFiles;
import dev.lookout.Failures;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lookout.capture.Frame;
import dev.lookout.capture.MatImages;
import dev.lookout.detect.Detection;
import dev.lookout.detect.DetectionJson;
import dev.lookout.overlay.DetectionPainter;
import dev.lookout.overlay.OverlayPainter;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Saves what is on screen: a PNG of the frame with the overlay (drawn by the same painter as the live view),
 * optionally the raw frame beside it ({@code …-raw.png}), and a JSON sidecar with the time, source, frame number,
 * size and the detections in TF.js's shape.
 *
 * <p>Names sort by time ({@code lookout-20261127-071512-345.png}); a taken name gets {@code -2}, {@code -3}, ...
 * Names are claimed atomically and each file appears complete (written aside, then moved into place), so rapid
 * presses from several threads give distinct files and nothing is ever overwritten or seen half-written.
 * Thread-safe. Encoding a PNG takes tens of milliseconds: call it off the Swing event thread.
 */
public final class SnapshotWriter {

    /** The default folder, relative to the working directory. */
    public static final Path DEFAULT_FOLDER = Path.of("snapshots");

    private static final JsonFactory JSON = new JsonFactory();

    private final Path folder;
    private final OverlayPainter painter;
    private final boolean includeRaw;

    /**
     * A writer into {@code folder} (created when needed).
     *
     * @param painter what draws the detections; normally a {@link DetectionPainter}
     * @param includeRaw also save the frame without the overlay
     */
    public SnapshotWriter(Path folder, OverlayPainter painter, boolean includeRaw) {
        this.folder = Objects.requireNonNull(folder);
        this.painter = Objects.requireNonNull(painter);
        this.includeRaw = includeRaw;
    }

    /** A writer into {@code folder} with the default painter, without raw frames. */
    public SnapshotWriter(Path folder) {
        this(folder, new DetectionPainter(), false);
    }

    /** The folder snapshots go to. */
    public Path folder() {
        return folder;
    }

    /**
     * Saves {@code frame} (not closed: the caller keeps it) with {@code detections}, taken now.
     *
     * @param source the frame source's description, for the sidecar
     * @throws IOException when the folder cannot be written (the message names it); no partial files remain
     */
    public Snapshot write(Frame frame, List<Detection> detections, String source) throws IOException {
        BufferedImage image = MatImages.toBufferedImage(frame.image(), null);
        return write(image, frame.index(), detections, source, OffsetDateTime.now());
    }

    /**
     * Saves {@code raw} (not modified) with {@code detections} drawn over it.
     *
     * @param frameIndex the frame number within its source, for the sidecar
     * @param time when the frame was seen; names and the sidecar's time come from it
     */
    public Snapshot write(BufferedImage raw, long frameIndex, List<Detection> detections, String source,
            OffsetDateTime time) throws IOException {
        int width = raw.getWidth();
        int height = raw.getHeight();
        BufferedImage annotated = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = annotated.createGraphics();
        try {
            g.drawImage(raw, 0, 0, null);
            painter.paint(g, detections, width, height);
        } finally {
            g.dispose();
        }

        List<String> suffixes = includeRaw ? List.of(".png", "-raw.png", ".json") : List.of(".png", ".json");
        Path base = OutputFiles.claim(folder, OutputFiles.snapshotBaseName(time.toZonedDateTime()), suffixes);
        Path imageFile = Path.of(base + ".png");
        Path rawFile = includeRaw ? Path.of(base + "-raw.png") : null;
        Path sidecarFile = Path.of(base + ".json");
        List<Path> claimed = new ArrayList<>(List.of(imageFile, sidecarFile));
        if (rawFile != null) {
            claimed.add(rawFile);
        }
        try {
            AtomicFiles.replace(imageFile, out -> writePng(annotated, out), false);
            if (rawFile != null) {
                AtomicFiles.replace(rawFile, out -> writePng(raw, out), false);
            }
            String rawName = rawFile == null ? null : rawFile.getFileName().toString();
            AtomicFiles.replace(sidecarFile, out -> {
                try (JsonGenerator json = JSON.createGenerator(out)) {
                    json.useDefaultPrettyPrinter();
                    json.writeStartObject();
                    json.writeStringField("time", time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                    json.writeStringField("source", source);
                    json.writeNumberField("frame", frameIndex);
                    json.writeNumberField("width", width);
                    json.writeNumberField("height", height);
                    json.writeStringField("image", imageFile.getFileName().toString());
                    json.writeStringField("rawImage", rawName);
                    json.writeFieldName("detections");
                    DetectionJson.writeArray(json, detections);
                    json.writeEndObject();
                }
            }, false);
        } catch (IOException | RuntimeException e) {
            for (Path file : claimed) {
                Files.deleteIfExists(file);
            }
            String reason = e instanceof IOException io ? Failures.reason(io) : Failures.describe(e);
            throw new IOException("cannot save the snapshot in " + folder.toAbsolutePath() + ": " + reason, e);
        }
        return new Snapshot(imageFile, rawFile, sidecarFile, time);
    }

    private static void writePng(BufferedImage image, OutputStream out) throws IOException {
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }
}
