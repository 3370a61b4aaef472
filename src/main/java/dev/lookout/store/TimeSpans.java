package dev.lookout.store;

import dev.lookout.config.DataSize;
import dev.lookout.config.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads times and sizes given to {@code lookout events} the way {@code lookout.yml} writes them (one reading for
 * both, see {@link DurationText} and {@link DataSize}): spans {@code 90s}, {@code 30m}, {@code 2h}, {@code 7d};
 * ISO instants; sizes {@code 500MB}, {@code 20G} (powers of 1024).
 */
public final class TimeSpans {

    private TimeSpans() {
    }

    /** A positive span such as {@code 2h}. */
    public static Duration parseSpan(String text) {
        Duration span;
        try {
            span = DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw bad(text);
        }
        if (span.isZero()) {
            throw bad(text);
        }
        return span;
    }

    /** {@code now} minus a span such as {@code 2h}, or an ISO-8601 instant such as {@code 2026-12-01T10:00:00Z}. */
    public static Instant parseSince(String text, Instant now) {
        if (!text.isEmpty() && Character.isDigit(text.charAt(0)) && text.contains("T")) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw bad(text);
            }
        }
        return now.minus(parseSpan(text));
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("'" + text + "' is not a time span like 90s, 30m, 2h or 7d, "
                + "nor an instant like 2026-12-01T10:00:00Z");
    }

    /** A size such as {@code 20G} or {@code 500MB} in bytes. */
    public static long parseSize(String text) {
        try {
            return DataSize.parse(text).bytes();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size like 500MB or 20GB", e);
        }
    }
}
