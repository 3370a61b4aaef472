package dev.lookout.track;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lookout.detect.DetectionJson;
import dev.lookout.track.zones.CountEvent;
import java.io.IOException;
import java.util.List;

/** The JSON of tracking: tracked detections (TF.js's shape plus {@code id} and {@code stationary}) and counts. */
public final class TrackJson {

    private static final com.fasterxml.jackson.core.JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactory();

    private TrackJson() {
    }

    /** {@code [{"bbox": [...], "class", "score", "id", "stationary"}]} for the frame's tracks. */
    public static void writeTracks(JsonGenerator json, List<Track> tracks) throws IOException {
        json.writeStartArray();
        for (Track t : tracks) {
            json.writeStartObject();
            DetectionJson.writeFields(json, t.detection());
            json.writeNumberField("id", t.id());
            json.writeBooleanField("stationary", t.stationary());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /**
     * One count change as a line of its own: {@code {"source", "frame", "t", "count": {...}}} ({@code frame} -1:
     * at the end of the source, written without it).
     */
    public static String countLine(String source, long frame, CountEvent event) {
        java.io.StringWriter line = new java.io.StringWriter();
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("source", source);
            if (frame >= 0) {
                json.writeNumberField("frame", frame);
            }
            json.writeNumberField("t", event.time());
            json.writeFieldName("count");
            writeCount(json, event);
            json.writeEndObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return line.toString();
    }

    /**
     * One count change as the value of a {@code "count"} field: {@code {"line", "track", "class", "direction",
     * "in", "out"}} (in/out: this class's totals on this line) or {@code {"zone", "track", "class", "event":
     * "enter"|"exit", "inside", "entries", "exits", "dwell"}}.
     */
    public static void writeCount(JsonGenerator json, CountEvent event) throws IOException {
        json.writeStartObject();
        if (event instanceof CountEvent.Crossing c) {
            json.writeStringField("line", c.line());
            json.writeNumberField("track", c.trackId());
            json.writeStringField("class", c.className());
            json.writeStringField("direction", c.direction());
            json.writeNumberField("in", c.inCount());
            json.writeNumberField("out", c.outCount());
        } else if (event instanceof CountEvent.ZoneChange z) {
            json.writeStringField("zone", z.zone());
            json.writeNumberField("track", z.trackId());
            json.writeStringField("class", z.className());
            json.writeStringField("event", z.entered() ? "enter" : "exit");
            json.writeNumberField("inside", z.inside());
            json.writeNumberField("entries", z.entries());
            json.writeNumberField("exits", z.exits());
            json.writeNumberField("dwell", Math.round(z.dwellSeconds() * 1000) / 1000.0);
        }
        json.writeEndObject();
    }
}
