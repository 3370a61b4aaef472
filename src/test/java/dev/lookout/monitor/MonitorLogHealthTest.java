package dev.lookout.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The monitor's health line tells frames skipped while the detector was busy from those skipped for detect_fps. */
class MonitorLogHealthTest {

    private static String health(boolean json, long busy, long rate, long noMotion) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new MonitorLog(out, json).health("door", new CameraStatus(CameraStatus.State.LIVE, "door.mp4", 25, 9.5,
                    100, busy, rate, noMotion, null));
        }
        return bytes.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void framesSkippedWhileTheDetectorWasBusyAreNotCalledSkippedForRate() {
        String busyOnly = health(false, 1794, 0, 0);
        assertTrue(busyOnly.endsWith("100 detected, skipped 1794 while the detector was busy"), busyOnly);
        String all = health(false, 12, 3, 40);
        assertTrue(all.endsWith("skipped 12 while the detector was busy, 3 for detect_fps, 40 without motion"), all);
        String rateAndMotion = health(false, 0, 3, 40);
        assertTrue(rateAndMotion.endsWith("100 detected, skipped 3 for detect_fps, 40 without motion"), rateAndMotion);
        String none = health(false, 0, 0, 0);
        assertTrue(none.endsWith("100 detected, nothing skipped"), none);
    }

    @Test
    void theJsonHealthLineHasEachCountApart() throws Exception {
        JsonNode line = new ObjectMapper().readTree(health(true, 1794, 3, 40));
        assertEquals("health", line.get("type").asText());
        assertEquals(1794, line.get("skippedBusy").asLong());
        assertEquals(3, line.get("skippedRate").asLong());
        assertEquals(40, line.get("skippedNoMotion").asLong());
    }
}
