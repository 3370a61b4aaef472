package dev.lookout.record;

import dev.lookout.detect.Detection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Detections in TF.js's JSON shape, {@code {"bbox":[x,y,w,h],"class":"person","score":0.87}}, for Jackson. */
public final class DetectionJson {

    private DetectionJson() {
    }

    /** One detection as TF.js prints it (keys in TF.js's order). */
    public static Map<String, Object> of(Detection d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bbox", List.of(d.x(), d.y(), d.width(), d.height()));
        json.put("class", d.className());
        json.put("score", d.score());
        return json;
    }

    /** A list of detections as TF.js prints it. */
    public static List<Map<String, Object>> of(List<Detection> detections) {
        List<Map<String, Object>> json = new ArrayList<>(detections.size());
        for (Detection d : detections) {
            json.add(of(d));
        }
        return json;
    }
}
