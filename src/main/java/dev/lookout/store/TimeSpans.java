package dev.lookout.store;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads times and sizes given on the command line or in a configuration: spans {@code 90s}, {@code 30m},
 * {@code 2h}, {@code 7d}; ISO instants; sizes {@code 500M}, {@code 20G}.
 */
public final class TimeSpans {

    private TimeSpans() {
    }

    /** A span such as {@code 2h}: a positive whole number and one of {@code s m h d}. */
    public static Duration parseSpan(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.length() >= 2 && t.chars().limit(t.length() - 1).allMatch(Character::isDigit)) {
            long n;
            try {
                n = Long.parseLong(t.substring(0, t.length() - 1));
            } catch (NumberFormatException tooLong) {
                throw bad(text);
            }
            Duration span = switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> null;
            };
            if (span != null && n > 0) {
                return span;
            }
        }
        throw bad(text);
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

    /** A size such as {@code 20G}: a whole number of bytes, or with {@code K M G T} (powers of 1000). */
    public static long parseSize(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (!t.isEmpty() && "KMGT".indexOf(t.charAt(t.length() - 1)) >= 0) {
            unit = (long) Math.pow(1000, "KMGT".indexOf(t.charAt(t.length() - 1)) + 1);
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = Long.parseLong(t);
            if (n >= 0) {
                return Math.multiplyExact(n, unit);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a size like 500M or 20G");
    }
}
