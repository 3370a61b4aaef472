package dev.lookout.detect;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * Writes detections in TF.js's exact JSON shape: {@code [{"bbox":[x,y,w,h],"class":"dog","score":0.88}]}, with
 * every number at full double precision so the output can be compared with TF.js's own.
 */
public final class DetectionJson {

    private DetectionJson() {
    }

    /** Writes {@code detections} as a JSON array at the generator's current position. */
    public static void writeArray(JsonGenerator json, List<Detection> detections) throws IOException {
        json.writeStartArray();
        for (Detection d : detections) {
            write(json, d);
        }
        json.writeEndArray();
    }

    /** Writes one detection as {@code {"bbox": [x, y, width, height], "class": name, "score": s}}. */
    public static void write(JsonGenerator json, Detection d) throws IOException {
        json.writeStartObject();
        writeFields(json, d);
        json.writeEndObject();
    }

    /** Writes the fields {@code "bbox", "class", "score"} into the object being written (to add more after). */
    public static void writeFields(JsonGenerator json, Detection d) throws IOException {
        json.writeFieldName("bbox");
        json.writeStartArray();
        json.writeNumber(d.x());
        json.writeNumber(d.y());
        json.writeNumber(d.width());
        json.writeNumber(d.height());
        json.writeEndArray();
        json.writeStringField("class", d.className());
        json.writeNumberField("score", d.score());
    }
}
