package dev.lookout.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.Frame;
import dev.lookout.capture.FrameSource;
import dev.lookout.capture.FrameSources;
import dev.lookout.capture.OpenCv;
import dev.lookout.capture.SourceOptions;
import dev.lookout.config.ConfigFile;
import dev.lookout.config.LookoutConfig;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.DetectionResult;
import dev.lookout.detect.Device;
import dev.lookout.store.EventQuery;
import dev.lookout.store.Recording;
import dev.lookout.store.RecordingKind;
import dev.lookout.store.RetentionPolicy;
import dev.lookout.store.RetentionReport;
import dev.lookout.store.StorageLayout;
import dev.lookout.store.StoreReader;
import dev.lookout.store.StoredEvent;
import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.TestData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real monitor writes to disk, on vtest.avi with the real detector: {@code record: continuous} as short
 * segments that are finalized, listed and deleted oldest first under a size cap with the store and the disk in
 * agreement; and for every event its own snapshot and a thumbnail of its object, each with a row.
 */
@IntegrationTest
class MonitorRecordingTest {

    private static final Instant EVER = Instant.EPOCH;
    private static final Instant NEVER = Instant.parse("3000-01-01T00:00:00Z");

    private static CocoSsdDetector detector;

    @BeforeAll
    static void load() throws Exception {
        OpenCv.load();
        detector = CocoSsdDetector.load(TestData.modelDir(), Device.CPU);
    }

    @AfterAll
    static void unload() {
        detector.close();
    }

    @Test
    void continuousSegmentsAreFinalizedListedAndTheOldestGoFirstUnderASizeCap(@TempDir Path dir) throws Exception {
        // no dog in vtest, so no event: nothing open protects the segments from the cap
        Path file = config(dir, "    record: continuous", "    classes: [dog]");
        Duration segment = Duration.ofSeconds(2);
        StorageLayout layout = new StorageLayout(dir.resolve("data"));
        StoreReader reader = new StoreReader(layout);
        List<Recording> deleted;
        List<Recording> kept;
        try (Monitor monitor = start(file, segment)) {
            waitFor(() -> continuous(reader).stream().filter(r -> r.end() != null).count() >= 4,
                    "four finished segments");
            List<Recording> before = continuous(reader);
            long capBytes = folderSize(layout.root()) - before.get(0).size() - before.get(1).size();
            RetentionReport report = monitor.store().prune(RetentionPolicy.KEEP_ALL.settle(Duration.ZERO)
                    .maxTotalBytes(capBytes));
            assertTrue(report.deleted().getOrDefault(RecordingKind.CONTINUOUS, 0) >= 2, report.summary());
            kept = continuous(reader);
            Set<Path> keptFiles = kept.stream().map(Recording::file).collect(Collectors.toSet());
            deleted = before.stream().filter(r -> !keptFiles.contains(r.file())).toList();
            assertFalse(kept.isEmpty(), "the newest segments stay");
        }
        // oldest first: every deleted segment started before every kept one, and is gone from the disk
        Instant firstKept = kept.get(0).start();
        for (Recording r : deleted) {
            assertTrue(r.start().isBefore(firstKept), r + " deleted before the older " + kept.get(0));
            assertFalse(Files.exists(r.file()), r.file() + " deleted with its row");
        }
        // after close: every segment is final, listed with its real size, and plays; no file without a row
        List<Recording> rows = continuous(reader);
        Set<Path> onDisk = files(layout.folder(RecordingKind.CONTINUOUS, "yard"));
        assertEquals(onDisk, rows.stream().map(Recording::file).collect(Collectors.toSet()), "store and disk agree");
        for (int i = 0; i < rows.size(); i++) {
            Recording r = rows.get(i);
            assertNotNull(r.end(), r + " finished");
            assertEquals(Files.size(r.file()), r.size(), r + " size");
            if (i < rows.size() - 1) {
                assertTrue(Duration.between(r.start(), r.end()).toMillis() >= segment.toMillis() - 100,
                        r + " lasts a segment");
            }
            assertTrue(decodableFrames(r.file()) > 0, r.file() + " plays");
        }
    }

    @Test
    void everyEventHasItsOwnSnapshotAndAThumbnailShowingItsObject(@TempDir Path dir) throws Exception {
        Path file = config(dir, "    watch: [person]", "    pre_roll: 1s", "    post_roll: 1s");
        StorageLayout layout = new StorageLayout(dir.resolve("data"));
        StoreReader reader = new StoreReader(layout);
        try (Monitor monitor = start(file, Monitor.DEFAULT_SEGMENT)) {
            waitFor(() -> reader.events(EventQuery.NEWEST.limit(1000)).stream()
                    .filter(e -> e.event().end() != null).count() >= 6, "six ended events");
        }
        List<StoredEvent> events = reader.events(EventQuery.NEWEST.limit(1000));
        Set<Path> snapshotRows = new HashSet<>();
        reader.recordings("yard", EVER, NEVER).stream().filter(r -> r.kind() == RecordingKind.SNAPSHOT)
                .forEach(r -> snapshotRows.add(r.file()));
        Set<Path> snapshots = new HashSet<>();
        Set<Path> thumbnails = new HashSet<>();
        int showingAPerson = 0;
        for (StoredEvent stored : events) {
            var e = stored.event();
            assertNotNull(e.end(), e.id() + " ended at close");
            assertNotNull(e.snapshot(), e.id() + " has a snapshot");
            assertEquals(e.id() + ".jpg", e.snapshot().getFileName().toString(), "the event's own snapshot");
            BufferedImage picture = ImageIO.read(e.snapshot().toFile());
            assertNotNull(picture, e.snapshot() + " is a JPEG");
            assertEquals(768, picture.getWidth(), "the whole frame");
            assertTrue(snapshotRows.contains(e.snapshot()), e.snapshot() + " has a recordings row");
            assertNotNull(stored.thumbnail(), e.id() + " has a thumbnail");
            BufferedImage thumb = ImageIO.read(stored.thumbnail().toFile());
            assertTrue(thumb.getWidth() <= SnapshotFiles.THUMB_SIDE && thumb.getHeight() <= SnapshotFiles.THUMB_SIDE
                    && thumb.getWidth() < picture.getWidth() / 2, stored.thumbnail() + " is a small crop");
            assertTrue(Files.size(stored.thumbnail()) < 60_000, stored.thumbnail() + " a few tens of KB");
            assertTrue(snapshotRows.contains(stored.thumbnail()), stored.thumbnail() + " has a recordings row");
            snapshots.add(e.snapshot());
            thumbnails.add(stored.thumbnail());
            // the crop is of that object: the detector finds a person filling most of it
            DetectionResult seen = detector.detect(thumb, DetectOptions.of(5, 0.3));
            if (seen.detections().stream().anyMatch(d -> d.className().equals("person")
                    && d.height() > 0.5 * thumb.getHeight())) {
                showingAPerson++;
            }
            assertNotNull(e.clip(), e.id() + " has a clip");
            assertTrue(Files.isRegularFile(e.clip()), e.clip() + " exists");
        }
        assertEquals(events.size(), snapshots.size(), "one snapshot file per event");
        // each event's span in its (shared) clip: from its start less the 1 s pre-roll, to its end plus post-roll
        java.util.Map<Path, Recording> clips = new java.util.HashMap<>();
        reader.recordings("yard", EVER, NEVER).stream().filter(r -> r.kind() == RecordingKind.CLIP)
                .forEach(r -> clips.put(r.file(), r));
        StoredEvent shortest = null;
        for (StoredEvent stored : events) {
            assertNotNull(stored.clipFrom(), stored.event().id() + " knows where it starts in its clip");
            assertNotNull(stored.clipTo(), stored.event().id() + " knows where it ends in its clip");
            Recording clip = clips.get(stored.event().clip());
            Instant from = clip.start().plus(stored.clipFrom());
            Instant expected = stored.event().start().minusSeconds(1);
            assertTrue(stored.clipFrom().isZero() || Math.abs(Duration.between(expected, from).toMillis()) < 1000,
                    stored.event().id() + ": its span starts at its pre-roll, " + from + " vs " + expected);
            if (shortest == null || stored.clipTo().minus(stored.clipFrom()).compareTo(
                    shortest.clipTo().minus(shortest.clipFrom())) < 0) {
                shortest = stored;
            }
        }
        // exporting one event gives just its span, not the clip it shares
        List<Path> exported = new dev.lookout.store.EventExport(reader).export(shortest.event().id(),
                dir.resolve("export"));
        Path cut = exported.get(0);
        assertEquals(shortest.event().id() + ".mp4", cut.getFileName().toString());
        double spanSeconds = shortest.clipTo().minus(shortest.clipFrom()).toMillis() / 1000.0;
        int cutFrames = frameCount(cut);
        int clipFrames = frameCount(shortest.event().clip());
        assertTrue(cutFrames >= spanSeconds * 10 - 3 && cutFrames <= spanSeconds * 10 + 12, cutFrames
                + " frames for a span of " + spanSeconds + " s at 10 fps (plus up to a second to its keyframe)");
        assertTrue(cutFrames < clipFrames || spanSeconds * 10 >= clipFrames - 12, cutFrames + " of the clip's "
                + clipFrames);
        assertEquals(events.size(), thumbnails.size(), "one thumbnail per event");
        assertTrue(showingAPerson >= 0.8 * events.size(), showingAPerson + " of " + events.size()
                + " thumbnails show a person");
    }

    private static Path config(Path dir, String... cameraLines) throws Exception {
        Path file = dir.resolve("lookout.yml");
        Files.writeString(file, String.join("\n", "storage: data", "cameras:", "  yard:",
                "    source: " + TestData.vtestAvi(), "    loop: true") + "\n" + String.join("\n", cameraLines) + "\n");
        return file;
    }

    private static Monitor start(Path file, Duration segment) throws Exception {
        LookoutConfig config = ConfigFile.load(file);
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Monitor.start(config, file, detector, new MonitorLog(log, true), Duration.ZERO,
                SourceOptions.defaults(), segment);
    }

    private static List<Recording> continuous(StoreReader reader) {
        try {
            return reader.recordings("yard", EVER, NEVER).stream()
                    .filter(r -> r.kind() == RecordingKind.CONTINUOUS).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<Path> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
    }

    private static long folderSize(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static int frameCount(Path video) throws Exception {
        int n = 0;
        try (FrameSource source = FrameSources.open(video.toString(), SourceOptions.defaults())) {
            for (Frame f = source.read(); f != null; f = source.read()) {
                f.close();
                n++;
            }
        }
        return n;
    }

    private static int decodableFrames(Path video) throws Exception {
        int n = 0;
        try (FrameSource source = FrameSources.open(video.toString(), SourceOptions.defaults())) {
            Frame f;
            while (n < 5 && (f = source.read()) != null) {
                f.close();
                n++;
            }
        }
        return n;
    }

    /** Like {@code Await.until} with room for a loaded machine: the detector shares two cores with other work. */
    private static void waitFor(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 3 minutes: " + what);
            }
            Thread.sleep(200);
        }
    }
}
