package dev.lookout.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.Frame;
import dev.lookout.capture.OpenCv;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import dev.lookout.store.EventStore;
import dev.lookout.store.StoreOptions;
import dev.lookout.store.StoredEvent;
import dev.lookout.testsupport.Await;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * Each event's own pictures, through a real store: two objects in one frame get two snapshots and two thumbnails,
 * each crop of its own object (a white and a black square on grey); a change after the write carries the
 * snapshot; a better peak replaces the files; the pipeline never waits and at most {@link EventSnapshots#PENDING}
 * frames are held.
 */
class EventSnapshotsTest {

    @BeforeAll
    static void load() {
        OpenCv.load();
    }

    @Test
    void twoObjectsInOneFrameGetTheirOwnSnapshotAndThumbnail(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("data/snapshots/gate");
        List<EventChange> passed = new ArrayList<>();
        try (EventStore store = EventStore.open(StoreOptions.defaults(dir.resolve("data")));
                Frame frame = frame()) {
            EventSnapshots snapshots = new EventSnapshots(folder, store, m -> {
                throw new AssertionError(m);
            });
            var sink = snapshots.attaching(passed::add);
            ObjectEvent white = event("gate-1", 0.8, new double[] {40, 40, 60, 60});
            ObjectEvent black = event("gate-2", 0.7, new double[] {200, 120, 60, 60});
            store.onEvent(new EventChange(EventType.NEW, null, white));
            store.onEvent(new EventChange(EventType.NEW, null, black));
            snapshots.lend(frame, () -> {
                sink.onEvent(new EventChange(EventType.NEW, null, white));
                sink.onEvent(new EventChange(EventType.NEW, null, black));
            });
            assertNull(passed.get(0).after().snapshot(), "not named before it is written");
            Await.until(() -> Files.exists(folder.resolve("gate-2.thumb.jpg")), "the pictures are written");
            Await.until(() -> {
                sink.onEvent(new EventChange(EventType.UPDATE, white, white));
                return passed.get(passed.size() - 1).after().snapshot() != null;
            }, "a later change carries the snapshot");
            assertEquals(folder.resolve("gate-1.jpg"), passed.get(passed.size() - 1).after().snapshot());
            snapshots.close();
            store.flush();

            StoredEvent a = store.reader().event("gate-1").orElseThrow();
            StoredEvent b = store.reader().event("gate-2").orElseThrow();
            assertEquals(folder.resolve("gate-1.jpg"), a.event().snapshot());
            assertEquals(folder.resolve("gate-2.jpg"), b.event().snapshot());
            assertNotEquals(a.thumbnail(), b.thumbnail());
            assertTrue(mean(ImageIO.read(a.thumbnail().toFile())) > 170, "the white object's crop");
            assertTrue(mean(ImageIO.read(b.thumbnail().toFile())) < 90, "the black object's crop");
            BufferedImage whole = ImageIO.read(a.event().snapshot().toFile());
            assertEquals(320, whole.getWidth(), "the snapshot is the whole frame");
        }
    }

    @Test
    void aBetterPeakReplacesThePicturesAndAWeakerOneDoesNot(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("data/snapshots/gate");
        try (EventStore store = EventStore.open(StoreOptions.defaults(dir.resolve("data")));
                Frame frame = frame()) {
            EventSnapshots snapshots = new EventSnapshots(folder, store, m -> { });
            var sink = snapshots.attaching(c -> { });
            ObjectEvent first = event("gate-1", 0.6, new double[] {40, 40, 60, 60});
            snapshots.lend(frame, () -> sink.onEvent(new EventChange(EventType.NEW, null, first)));
            Path thumb = folder.resolve("gate-1.thumb.jpg");
            Await.until(() -> Files.exists(thumb), "first written");
            long before = Files.getLastModifiedTime(thumb).toMillis();
            // a tiny gain right away: not worth a picture
            ObjectEvent slightly = event("gate-1", 0.605, new double[] {200, 120, 60, 60});
            snapshots.lend(frame, () -> sink.onEvent(new EventChange(EventType.UPDATE, first, slightly)));
            Thread.sleep(EventSnapshots.MIN_INTERVAL_NANOS / 1_000_000 + 100);
            ObjectEvent better = event("gate-1", 0.9, new double[] {200, 120, 60, 60});
            snapshots.lend(frame, () -> sink.onEvent(new EventChange(EventType.UPDATE, slightly, better)));
            snapshots.close();
            assertTrue(mean(ImageIO.read(thumb.toFile())) < 90, "the better peak's crop (the black square)");
            assertTrue(Files.getLastModifiedTime(thumb).toMillis() >= before);
        }
    }

    @Test
    void theWriterNeverHoldsMoreThanItsBoundOfFrames(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("data/snapshots/gate");
        try (EventStore store = EventStore.open(StoreOptions.defaults(dir.resolve("data")));
                Frame frame = frame()) {
            EventSnapshots snapshots = new EventSnapshots(folder, store, m -> { });
            var sink = snapshots.attaching(c -> { });
            int events = 200;
            snapshots.lend(frame, () -> {
                for (int i = 0; i < events; i++) {
                    sink.onEvent(new EventChange(EventType.NEW, null, event("gate-" + i, 0.8,
                            new double[] {40, 40, 60, 60})));
                }
            });
            snapshots.close();
            long written;
            try (var files = Files.list(folder)) {
                written = files.filter(p -> p.toString().endsWith(".thumb.jpg")).count();
            }
            assertEquals(events, written + snapshots.dropped(), "every event written or counted as dropped");
            assertTrue(snapshots.dropped() > 0, "200 at once cannot all wait");
            assertNotNull(folder);
        }
    }

    /** 320×240 grey with a white square at (40, 40) and a black one at (200, 120), both 60 px. */
    private static Frame frame() {
        Mat m = new Mat(240, 320, CvType.CV_8UC3, new Scalar(128, 128, 128));
        m.submat(40, 100, 40, 100).setTo(new Scalar(255, 255, 255));
        m.submat(120, 180, 200, 260).setTo(new Scalar(0, 0, 0));
        return new Frame(m, 0, 0, System.nanoTime());
    }

    private static ObjectEvent event(String id, double score, double[] box) {
        return new ObjectEvent(id, "gate", Long.parseLong(id.substring(5)), "person", Instant.now(), null, score,
                score, box, List.of(), List.of(), false, null, null);
    }

    private static double mean(BufferedImage image) {
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255);
            }
        }
        return sum / (3.0 * image.getWidth() * image.getHeight());
    }
}
