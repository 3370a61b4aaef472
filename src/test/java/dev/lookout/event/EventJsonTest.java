package dev.lookout.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static ObjectEvent event(Instant end, double top, List<String> lines) {
        return new ObjectEvent("gate-1", "gate", 17, "person", Instant.parse("2026-12-01T10:15:00Z"), end, 0.7, top,
                new double[] {10, 20, 30, 40}, List.of("drive"), lines, false, Path.of("snap.png"), null);
    }

    @Test
    void writesBeforeAndAfterInOneLine() throws Exception {
        ObjectEvent open = event(null, 0.8, List.of());
        ObjectEvent ended = event(Instant.parse("2026-12-01T10:15:09Z"), 0.9, List.of("entrance:in"));
        JsonNode json = new ObjectMapper().readTree(EventJson.line(new EventChange(EventType.END, open, ended)));
        assertEquals("end", json.get("type").asText());
        assertTrue(json.get("before").get("end").isNull());
        assertEquals("2026-12-01T10:15:09Z", json.get("after").get("end").asText());
        assertEquals(17, json.get("after").get("track_id").asLong());
        assertEquals("entrance:in", json.get("after").get("lines").get(0).asText());
        assertEquals(40, json.get("after").get("box").get(3).asDouble());
        assertEquals("snap.png", json.get("after").get("snapshot").asText());
        assertTrue(json.get("after").get("clip").isNull());
    }

    @Test
    void refusesInconsistentChanges() {
        ObjectEvent open = event(null, 0.8, List.of());
        assertThrows(IllegalArgumentException.class, () -> new EventChange(EventType.NEW, open, open));
        assertThrows(IllegalArgumentException.class, () -> new EventChange(EventType.UPDATE, null, open));
        assertThrows(IllegalArgumentException.class, () -> new EventChange(EventType.END, open, open));
    }

    @Test
    void publishedPathsAreRelativeToTheStorageFolderOrJustTheName() {
        Path root = Path.of("/srv/lookout/data");
        assertEquals("clips/gate/2026-12-01/a.mp4", EventJson.publicPath(root.resolve("clips/gate/2026-12-01/a.mp4"),
                root));
        assertEquals("b.jpg", EventJson.publicPath(Path.of("/elsewhere/b.jpg"), root), "outside: the name alone");
        assertEquals("c.jpg", EventJson.publicPath(Path.of("/srv/lookout/data/x/c.jpg"), null), "no root: the name");
        assertEquals("d.jpg", EventJson.publicPath(Path.of("/srv/lookout/data/../secret/d.jpg"), root),
                "'..' does not pass for inside");
        assertEquals(null, EventJson.publicPath(null, root));
    }
}
