package dev.lookout.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the configuration writes them: a number and a unit, {@code 500ms}, {@code 3s}, {@code 1.5s},
 * {@code 5m}, {@code 2h}, {@code 14d}. A bare number is refused (seconds or days? the file must say).
 */
public final class DurationText {

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)\\s*");
    private static final String[] UNITS = {"d", "h", "m", "s", "ms"};
    private static final long[] MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};

    /** What a duration looks like, for messages. */
    static final String EXPECTED = "a duration like 3s, 5m, 2h or 14d";

    private DurationText() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException with a message that does not repeat the text: negative, no unit, not a duration
     */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("-")) {
            throw new IllegalArgumentException("a duration cannot be negative");
        }
        if (t.matches("\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("a duration needs a unit: write " + t + "s (seconds), " + t + "m, "
                    + t + "h or " + t + "d");
        }
        Matcher m = TEXT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected " + EXPECTED + " (units ms, s, m, h, d)");
        }
        int unit = java.util.Arrays.asList(UNITS).indexOf(m.group(2));
        BigDecimal millis = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(MILLIS[unit]));
        if (millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000)) > 0) {
            throw new IllegalArgumentException("a duration this long cannot be used: the most is 100000d");
        }
        return Duration.ofMillis(millis.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }

    /** The form {@link #parse} reads, in the largest unit that divides it exactly: {@code 14d}, {@code 90s}. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        for (int i = 0; i < UNITS.length; i++) {
            if (millis % MILLIS[i] == 0 && (millis != 0 || i == 3)) {
                return millis / MILLIS[i] + UNITS[i];
            }
        }
        throw new AssertionError("every whole number of milliseconds has a unit");
    }
}
