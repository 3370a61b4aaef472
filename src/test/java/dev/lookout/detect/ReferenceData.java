package dev.lookout.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.testsupport.TestData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads TF.js's reference answers and raw outputs from {@code shared/reference/coco-ssd}, and compares with them. */
final class ReferenceData {

    /** One image's answer from a {@code tfjs-detections-*.jsonl} line. */
    record Expected(String image, int width, int height, List<Detection> detections) {
    }

    private ReferenceData() {
    }

    /** TF.js's answers at {@code minScore} 0.5 or 0.3, one per reference image, in file order. */
    static List<Expected> expected(String minScore) throws IOException {
        Path file = TestData.reference().resolve("tfjs-detections-" + minScore + ".jsonl");
        ObjectMapper mapper = new ObjectMapper();
        List<Expected> all = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = mapper.readTree(line);
            List<Detection> detections = new ArrayList<>();
            for (JsonNode d : node.get("detections")) {
                JsonNode b = d.get("bbox");
                detections.add(new Detection(b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(),
                        b.get(3).asDouble(), d.get("class").asText(), d.get("score").asDouble()));
            }
            all.add(new Expected(node.get("image").asText(), node.get("width").asInt(), node.get("height").asInt(),
                    detections));
        }
        return all;
    }

    /** The expected answer for {@code images/NAME.png}. */
    static Expected expected(String minScore, String name) throws IOException {
        return expected(minScore).stream().filter(e -> e.image().equals("images/" + name + ".png")).findFirst()
                .orElseThrow(() -> new AssertionError("no reference line for " + name));
    }

    /** A raw output file {@code raw/NAME.KIND.f32} (little-endian float32). */
    static FloatBuffer raw(String name, String kind) throws IOException {
        byte[] bytes = Files.readAllBytes(TestData.reference().resolve("raw/" + name + "." + kind + ".f32"));
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    }

    /** The reference {@code labels.json}. */
    static CocoLabels labels() throws IOException {
        return CocoLabels.read(TestData.reference().resolve("labels.json"));
    }

    /**
     * Asserts that {@code actual} is TF.js's answer: same classes in the same order, every corner within
     * {@code cornerTolerance} px, every score within {@code scoreTolerance}.
     */
    static void assertSameDetections(List<Detection> expected, List<Detection> actual, double cornerTolerance,
            double scoreTolerance, String what) {
        assertEquals(names(expected), names(actual), what + ": classes in order");
        for (int i = 0; i < expected.size(); i++) {
            Detection e = expected.get(i);
            Detection a = actual.get(i);
            String at = what + " #" + i + " " + e.className();
            assertTrue(Math.abs(e.x() - a.x()) <= cornerTolerance, at + " left " + a.x() + " vs " + e.x());
            assertTrue(Math.abs(e.y() - a.y()) <= cornerTolerance, at + " top " + a.y() + " vs " + e.y());
            assertTrue(Math.abs(e.right() - a.right()) <= cornerTolerance,
                    at + " right " + a.right() + " vs " + e.right());
            assertTrue(Math.abs(e.bottom() - a.bottom()) <= cornerTolerance,
                    at + " bottom " + a.bottom() + " vs " + e.bottom());
            assertTrue(Math.abs(e.score() - a.score()) <= scoreTolerance,
                    at + " score " + a.score() + " vs " + e.score());
        }
    }

    /** The class names in order, for readable failure messages. */
    static List<String> names(List<Detection> detections) {
        return detections.stream().map(Detection::className).toList();
    }
}
