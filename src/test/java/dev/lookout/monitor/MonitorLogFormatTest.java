package dev.lookout.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One log format for the monitor: every line has a level and, when it is about one, the camera; the libraries'
 * {@code System.Logger} records come out in the same format (one line, not java.util.logging's two), in text and
 * in JSON.
 */
class MonitorLogFormatTest {

    private static List<String> lines(boolean json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            MonitorLog log = new MonitorLog(out, json);
            LogBridge bridge = LogBridge.install(log);
            try {
                log.info("monitoring 1 camera(s)");
                log.state("gate", CameraStatus.State.RECONNECTING, "rtsp://user:s3cret@cam/stream went away");
                ObjectEvent e = new ObjectEvent("gate-1", "gate", 3, "person", Instant.parse("2026-12-07T10:00:00Z"),
                        null, 0.8, 0.9, new double[] {1, 2, 3, 4}, List.of(), List.of(), false, null, null);
                log.onEvent(new EventChange(EventType.NEW, null, e));
                log.message(MonitorLog.Level.WARN, "gate", "no snapshot: No space left on device");
                System.getLogger("dev.lookout.web.WebServer").log(System.Logger.Level.INFO,
                        "web: serving the page on http://{0}/", "127.0.0.1:8080");
                System.getLogger("dev.lookout.notify.mqtt.MqttPublisher").log(System.Logger.Level.WARNING,
                        "MQTT: event message not sent", new java.io.IOException("connection lost"));
                System.getLogger("x").log(System.Logger.Level.DEBUG, "not shown");
            } finally {
                bridge.uninstall();
            }
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void textLinesHaveALevelAndTheCameraAndTheLibrariesLogInTheSameForm() {
        List<String> lines = lines(false);
        assertEquals(List.of(
                "lookout monitor: INFO  monitoring 1 camera(s)",
                "lookout monitor: WARN  gate: reconnecting (rtsp://***@cam/stream went away)",
                "lookout monitor: INFO  gate: person #3 appeared (gate-1, top score 0.90)",
                "lookout monitor: WARN  gate: no snapshot: No space left on device",
                "lookout monitor: INFO  web: serving the page on http://127.0.0.1:8080/",
                "lookout monitor: WARN  MQTT: event message not sent: connection lost"), lines);
    }

    @Test
    void jsonLinesHaveTimeLevelTypeAndCamera() throws Exception {
        List<String> lines = lines(true);
        assertEquals(6, lines.size(), lines.toString());
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode n = json.readTree(line);
            assertTrue(n.has("time") && n.has("level") && n.has("type"), line);
        }
        JsonNode state = json.readTree(lines.get(1));
        assertEquals(List.of("warn", "state", "gate"), List.of(state.get("level").asText(), state.get("type").asText(),
                state.get("camera").asText()));
        assertTrue(!lines.get(1).contains("s3cret"), lines.get(1));
        JsonNode web = json.readTree(lines.get(4));
        assertEquals("web: serving the page on http://127.0.0.1:8080/", web.get("message").asText());
        assertTrue(!web.has("camera"));
    }
}
