package dev.lookout.record;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.detect.Detection;
import dev.lookout.overlay.ClassColors;
import dev.lookout.overlay.DetectionPainter;
import dev.lookout.testsupport.TestData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots of a real photo: PNG with the overlay, raw PNG, JSON sidecar; unique names under rapid presses. */
@IntegrationTest
class SnapshotWriterTest {

    static final Detection DOG = new Detection(130, 220, 180, 320, "dog", 0.87);
    static final OffsetDateTime TIME = OffsetDateTime.of(2026, 11, 27, 7, 15, 12, 345_000_000, ZoneOffset.ofHours(1));

    @TempDir
    Path dir;

    @Test
    void writesAnnotatedPngRawPngAndTfjsShapedSidecar() throws Exception {
        BufferedImage photo = ImageIO.read(TestData.darknetPhoto("dog.jpg").toFile());
        BufferedImage untouched = copy(photo);
        SnapshotWriter writer = new SnapshotWriter(dir.resolve("snapshots"), new DetectionPainter(), true);

        Snapshot snapshot = writer.write(photo, 42, List.of(DOG), "dog.jpg", TIME);

        assertEquals(dir.resolve("snapshots/lookout-20261127-071512-345.png"), snapshot.image());
        assertEquals(dir.resolve("snapshots/lookout-20261127-071512-345-raw.png"), snapshot.rawImage());
        assertEquals(dir.resolve("snapshots/lookout-20261127-071512-345.json"), snapshot.sidecar());
        BufferedImage annotated = ImageIO.read(snapshot.image().toFile());
        BufferedImage raw = ImageIO.read(snapshot.rawImage().toFile());
        assertEquals(photo.getWidth(), annotated.getWidth());
        assertEquals(photo.getHeight(), annotated.getHeight());
        // PNG is lossless: the box edge is exactly the class colour, the raw frame exactly the photo.
        assertEquals(ClassColors.of("dog").getRGB(), annotated.getRGB(130, 400));
        assertEquals(ClassColors.of("dog").getRGB(), annotated.getRGB(310, 400));
        assertTrue(untouched.getRGB(130, 400) != annotated.getRGB(130, 400));
        for (int y = 0; y < photo.getHeight(); y += 7) {
            for (int x = 0; x < photo.getWidth(); x += 7) {
                assertEquals(untouched.getRGB(x, y), raw.getRGB(x, y), "raw pixel " + x + "," + y);
            }
        }
        assertEquals(untouched.getRGB(130, 400), photo.getRGB(130, 400), "the caller's image is not drawn on");

        JsonNode json = new ObjectMapper().readTree(snapshot.sidecar().toFile());
        assertEquals("2026-11-27T07:15:12.345+01:00", json.get("time").asText());
        assertEquals("dog.jpg", json.get("source").asText());
        assertEquals(42, json.get("frame").asLong());
        assertEquals(photo.getWidth(), json.get("width").asInt());
        assertEquals(photo.getHeight(), json.get("height").asInt());
        assertEquals("lookout-20261127-071512-345.png", json.get("image").asText());
        JsonNode detection = json.get("detections").get(0);
        assertEquals(List.of("bbox", "class", "score"), fieldNames(detection));
        assertEquals(130.0, detection.get("bbox").get(0).asDouble());
        assertEquals(220.0, detection.get("bbox").get(1).asDouble());
        assertEquals(180.0, detection.get("bbox").get(2).asDouble());
        assertEquals(320.0, detection.get("bbox").get(3).asDouble());
        assertEquals("dog", detection.get("class").asText());
        assertEquals(0.87, detection.get("score").asDouble());
        try (Stream<Path> files = Files.list(dir.resolve("snapshots"))) {
            assertEquals(3, files.count(), "no temporary files left");
        }
    }

    @Test
    void fiftySnapshotsFromTwoThreadsInTheSameMillisecondGetFiftyDistinctNames() throws Exception {
        BufferedImage photo = ImageIO.read(TestData.darknetPhoto("person.jpg").toFile());
        SnapshotWriter writer = new SnapshotWriter(dir);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Snapshot>>> results = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            results.add(pool.submit(() -> {
                go.await();
                List<Snapshot> mine = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    // The same timestamp for all: every press collides on the name and must get a suffix.
                    mine.add(writer.write(photo, i, List.of(DOG), "test", TIME));
                }
                return mine;
            }));
        }
        go.countDown();
        Set<Path> images = new HashSet<>();
        for (Future<List<Snapshot>> result : results) {
            for (Snapshot s : result.get()) {
                images.add(s.image());
                JsonNode json = new ObjectMapper().readTree(s.sidecar().toFile());
                assertEquals(s.image().getFileName().toString(), json.get("image").asText());
                assertNull(s.rawImage());
            }
        }
        pool.shutdown();
        assertEquals(50, images.size());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(100, names.size(), "50 PNGs and 50 sidecars, nothing else: " + names);
            assertTrue(names.contains("lookout-20261127-071512-345.png"));
            assertTrue(names.contains("lookout-20261127-071512-345-50.png"));
        }
        for (Path image : images) {
            assertEquals(photo.getWidth(), ImageIO.read(image.toFile()).getWidth(), image + " is a whole PNG");
        }
    }

    @Test
    void neverOverwritesAnExistingSnapshot() throws Exception {
        Path taken = dir.resolve("lookout-20261127-071512-345.png");
        Files.writeString(taken, "precious");
        Snapshot snapshot = new SnapshotWriter(dir).write(new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR),
                0, List.of(), "test", TIME);
        assertEquals(dir.resolve("lookout-20261127-071512-345-2.png"), snapshot.image());
        assertEquals("precious", Files.readString(taken));
    }

    @Test
    void anUnwritableFolderIsAClearError() throws Exception {
        Path file = dir.resolve("plain-file");
        Files.writeString(file, "x");
        IOException e = assertThrows(IOException.class, () -> new SnapshotWriter(file.resolve("snapshots"))
                .write(new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR), 0, List.of(), "test", TIME));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
        copy.getGraphics().drawImage(image, 0, 0, null);
        return copy;
    }
}
