package dev.lookout.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of disk space as written in the configuration: {@code 500MB}, {@code 20GB}, {@code 1.5TB},
 * {@code 4096B}. Units are powers of 1024 (as Java's {@code -Xmx}); KiB, MiB, GiB and TiB, and K, M, G and T (as on
 * the command line, {@code --max-size 20G}), are accepted as the same.
 *
 * @param bytes the amount in bytes, never negative
 */
public record DataSize(long bytes) {

    private static final Pattern TEXT =
            Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(B|K|KB|KIB|M|MB|MIB|G|GB|GIB|T|TB|TIB)\\s*", Pattern.CASE_INSENSITIVE);
    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes + " bytes");
        }
    }

    /** {@code n} gigabytes (n × 1024³ bytes). */
    public static DataSize gigabytes(long n) {
        return new DataSize(n << 30);
    }

    /**
     * Parses {@code NUMBER UNIT}, e.g. {@code 500MB} or {@code 1.5 GB}.
     *
     * @throws IllegalArgumentException with the message "expected a size like 500MB or 20GB" (or a more precise
     *     one for a negative or too large size); the text itself is not repeated
     */
    public static DataSize parse(String text) {
        String t = text.strip();
        if (t.startsWith("-")) {
            throw new IllegalArgumentException("a size cannot be negative");
        }
        Matcher m = TEXT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size like 500MB or 20GB (units B, KB, MB, GB, TB)");
        }
        String unit = m.group(2).toUpperCase(Locale.ROOT).replace("I", "");
        unit = unit.equals("B") || unit.endsWith("B") ? unit : unit + "B"; // 20G is 20GB
        int power = java.util.Arrays.asList(UNITS).indexOf(unit);
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("a size this large cannot be stored: the most is 8000000TB");
        }
        return new DataSize(bytes.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }

    /** The shortest exact form in the largest unit that divides the size: {@code 20GB}, {@code 1536MB}, {@code 7B}. */
    @Override
    public String toString() {
        int power = 0;
        long n = bytes;
        while (power < UNITS.length - 1 && n != 0 && n % 1024 == 0) {
            n /= 1024;
            power++;
        }
        return n + UNITS[power];
    }
}
