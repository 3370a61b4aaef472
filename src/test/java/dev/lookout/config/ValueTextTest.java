package dev.lookout.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Durations, sizes and "did you mean" as the file writes and reads them. */
class ValueTextTest {

    @Test
    void durationsReadAndWriteInTheirLargestExactUnit() {
        assertEquals(Duration.ofSeconds(3), DurationText.parse("3s"));
        assertEquals(Duration.ofMinutes(5), DurationText.parse("5m"));
        assertEquals(Duration.ofHours(2), DurationText.parse("2h"));
        assertEquals(Duration.ofDays(14), DurationText.parse("14d"));
        assertEquals(Duration.ofMillis(1500), DurationText.parse("1.5s"));
        assertEquals(Duration.ofMillis(250), DurationText.parse(" 250 ms "));
        assertEquals("14d", DurationText.format(Duration.ofDays(14)));
        assertEquals("90s", DurationText.format(Duration.ofSeconds(90)));
        assertEquals("36h", DurationText.format(Duration.ofHours(36)));
        assertEquals("1500ms", DurationText.format(Duration.ofMillis(1500)));
        assertEquals("0s", DurationText.format(Duration.ZERO));
        assertEquals("a duration cannot be negative",
                assertThrows(IllegalArgumentException.class, () -> DurationText.parse("-3s")).getMessage());
        assertEquals("expected a duration like 3s, 5m, 2h or 14d (units ms, s, m, h, d)",
                assertThrows(IllegalArgumentException.class, () -> DurationText.parse("3 weeks")).getMessage());
    }

    @Test
    void sizesAreBinaryMultiples() {
        assertEquals(20L << 30, DataSize.parse("20GB").bytes());
        assertEquals(500L << 20, DataSize.parse("500 mb").bytes());
        assertEquals(1536L << 20, DataSize.parse("1.5GiB").bytes());
        assertEquals(7, DataSize.parse("7B").bytes());
        assertEquals("20GB", DataSize.parse("20GB").toString());
        assertEquals("1536MB", DataSize.parse("1.5GB").toString());
        assertEquals("1025B", new DataSize(1025).toString());
        assertEquals("0B", new DataSize(0).toString());
        assertEquals("a size cannot be negative",
                assertThrows(IllegalArgumentException.class, () -> DataSize.parse("-1GB")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataSize.parse("20"));
        assertThrows(IllegalArgumentException.class, () -> DataSize.parse("99999999999TB"));
    }

    @Test
    void suggestsOnlyCloseNames() {
        List<String> keys = List.of("source", "watch", "pre_roll", "post_roll", "required_zones");
        assertEquals(Optional.of("watch"), Suggestions.closest("wach", keys));
        assertEquals(Optional.of("pre_roll"), Suggestions.closest("pre-roll", keys));
        assertEquals(Optional.of("required_zones"), Suggestions.closest("requried_zone", keys));
        assertEquals(Optional.of("source"), Suggestions.closest("Source", keys));
        assertEquals(Optional.empty(), Suggestions.closest("fps", keys));
        assertEquals(1, Suggestions.distance("ab", "ba"));
    }
}
