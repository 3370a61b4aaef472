package dev.lookout.track;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.detect.Detection;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a detections file as {@code detect} writes it for a video: {@code {"source", "frame", "t", "width",
 * "height", "detections": [{"bbox": [x, y, w, h], "class", "score"}], ...}}. {@code count} lines (from
 * {@code detect --track}) carry no detections and are recognised as such.
 *
 * @param node the whole line, to be written back with ids
 * @param source its {@code source}, or "" when absent
 * @param frame its {@code frame}, or -1 when absent
 * @param time its {@code t}, or NaN when absent
 * @param detections its detections, in order
 */
public record DetectionLine(ObjectNode node, String source, long frame, double time, List<Detection> detections) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A line that is not a detections line; the message names the line number and the field. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        public Malformed(String message) {
            super(message);
        }
    }

    /** True for a {@code "count"} line of {@code detect --track}, which carries no detections. */
    public static boolean isCount(ObjectNode node) {
        return node.has("count") && !node.has("detections");
    }

    /**
     * Parses a line; returns null for a blank line or a {@code count} line.
     *
     * @param number the line's number in its file (1-based), for messages
     */
    public static DetectionLine parse(String text, long number) throws Malformed {
        if (text.isBlank()) {
            return null;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Malformed("line " + number + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        if (!(tree instanceof ObjectNode node)) {
            throw new Malformed("line " + number + ": not a JSON object");
        }
        if (isCount(node)) {
            return null;
        }
        JsonNode list = node.get("detections");
        if (!(list instanceof ArrayNode array)) {
            throw new Malformed("line " + number + ": field 'detections' is " + (list == null ? "missing"
                    : "not an array"));
        }
        JsonNode frameNode = node.get("frame");
        if (frameNode != null && !(frameNode.canConvertToLong() && frameNode.isIntegralNumber()
                && frameNode.asLong() >= 0)) {
            throw new Malformed("line " + number + ": field 'frame' must be a whole number from 0, not " + frameNode);
        }
        JsonNode timeNode = node.get("t");
        if (timeNode != null && !(timeNode.isNumber() && Double.isFinite(timeNode.asDouble()))) {
            throw new Malformed("line " + number + ": field 't' must be a number of seconds, not " + timeNode);
        }
        List<Detection> detections = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            detections.add(detection(array.get(i), number, i + 1));
        }
        return new DetectionLine(node, node.path("source").asText(""), frameNode == null ? -1 : frameNode.asLong(),
                timeNode == null ? Double.NaN : timeNode.asDouble(), detections);
    }

    private static Detection detection(JsonNode d, long line, int index) throws Malformed {
        String where = "line " + line + ": detection " + index + ": field ";
        JsonNode bbox = d.get("bbox");
        if (!(bbox instanceof ArrayNode box) || box.size() != 4) {
            throw new Malformed(where + "'bbox' must be [x, y, width, height]");
        }
        double[] v = new double[4];
        for (int k = 0; k < 4; k++) {
            if (!box.get(k).isNumber() || !Double.isFinite(box.get(k).asDouble())) {
                throw new Malformed(where + "'bbox' must hold 4 numbers, not " + bbox);
            }
            v[k] = box.get(k).asDouble();
        }
        if (v[2] < 0 || v[3] < 0) {
            throw new Malformed(where + "'bbox' has a negative width or height");
        }
        JsonNode cls = d.get("class");
        if (cls == null || !cls.isTextual() || cls.asText().isBlank()) {
            throw new Malformed(where + "'class' must be a class name");
        }
        JsonNode score = d.get("score");
        if (score == null || !score.isNumber() || !(score.asDouble() >= 0 && score.asDouble() <= 1)) {
            throw new Malformed(where + "'score' must be a number from 0 to 1, not " + score);
        }
        return new Detection(v[0], v[1], v[2], v[3], cls.asText(), score.asDouble());
    }
}
