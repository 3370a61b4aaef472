package dev.lookout.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeSpansTest {

    @Test
    void spansInstantsAndSizes() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        assertEquals(Duration.ofSeconds(90), TimeSpans.parseSpan("90s"));
        assertEquals(Duration.ofDays(7), TimeSpans.parseSpan("7D"));
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), TimeSpans.parseSince("2h", now));
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"), TimeSpans.parseSince("2026-11-30T08:00:00Z", now));
        assertEquals(20L << 30, TimeSpans.parseSize("20G"), "as lookout.yml reads 20GB: powers of 1024");
        assertEquals(20L << 30, TimeSpans.parseSize("20GB"));
        assertEquals(512, TimeSpans.parseSize("512B"));
        for (String bad : new String[] {"", "h", "0h", "-2h", "2w", "2", "99999999999999999999d", "2026-13-01T00:00:00Z"}) {
            assertThrows(IllegalArgumentException.class, () -> TimeSpans.parseSince(bad, now), bad);
        }
        for (String bad : new String[] {"", "G", "-1", "512", "99999999999T"}) {
            assertThrows(IllegalArgumentException.class, () -> TimeSpans.parseSize(bad), bad);
        }
    }
}
