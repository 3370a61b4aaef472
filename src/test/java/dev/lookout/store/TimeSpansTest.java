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
        assertEquals(20_000_000_000L, TimeSpans.parseSize("20G"));
        assertEquals(512, TimeSpans.parseSize("512"));
        for (String bad : new String[] {"", "h", "0h", "-2h", "2w", "2 h", "99999999999999999999d", "2026-13-01T00:00:00Z"}) {
            assertThrows(IllegalArgumentException.class, () -> TimeSpans.parseSince(bad, now), bad);
        }
        for (String bad : new String[] {"", "G", "-1", "1.5G", "99999999999T"}) {
            assertThrows(IllegalArgumentException.class, () -> TimeSpans.parseSize(bad), bad);
        }
    }
}
