package dev.lookout.store;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stored minute counts summed into longer buckets: {@code minute}, {@code hour} or {@code day} (days and hours of a
 * time zone, so a day is the user's day, 23 or 25 hours long when the clocks change), or {@code total}; printed as
 * a table or CSV. One row per bucket, camera, line or zone, direction and class; buckets without counts are left out.
 */
public final class CountSeries {

    /** How long a bucket is. */
    public enum Bucket {
        MINUTE, HOUR, DAY, TOTAL;

        /** {@code minute}, {@code hour}, {@code day} or {@code total}, as the command line and the API spell it. */
        public static Bucket of(String text) {
            for (Bucket b : values()) {
                if (b.name().equalsIgnoreCase(text.strip())) {
                    return b;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not a bucket: minute, hour, day or total");
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private CountSeries() {
    }

    /** {@code minutes} (as {@link StoreReader#countMinutes} gives them) summed per {@code bucket} in {@code zone}. */
    public static List<StoredCount> sum(List<StoredCount> minutes, Bucket bucket, ZoneId zone) {
        Map<String, StoredCount> sums = new TreeMap<>();
        for (StoredCount c : minutes) {
            Instant start = start(c.bucket(), bucket, zone);
            String key = String.format(Locale.ROOT, "%020d", start.toEpochMilli()) + "\u0000" + c.camera()
                    + "\u0000" + c.kind() + "\u0000" + c.name() + "\u0000" + c.direction() + "\u0000"
                    + c.className();
            sums.merge(key,
                    new StoredCount(c.camera(), c.kind(), c.name(), c.direction(), c.className(), start, c.n()),
                    (a, b) -> new StoredCount(a.camera(), a.kind(), a.name(), a.direction(), a.className(),
                            a.bucket(), a.n() + b.n()));
        }
        return new ArrayList<>(sums.values());
    }

    private static Instant start(Instant t, Bucket bucket, ZoneId zone) {
        ZonedDateTime local = t.atZone(zone);
        return switch (bucket) {
            case MINUTE -> local.truncatedTo(ChronoUnit.MINUTES).toInstant();
            case HOUR -> local.truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAY -> local.truncatedTo(ChronoUnit.DAYS).toInstant();
            case TOTAL -> Instant.EPOCH;
        };
    }

    /** A table with a header, times in {@code zone}; a note when there is nothing. */
    public static void printTable(List<StoredCount> rows, Bucket bucket, ZoneId zone, PrintStream out) {
        if (rows.isEmpty()) {
            out.println("no counts in this time range");
            return;
        }
        String format = "%-16s  %-12s  %-4s  %-14s  %-7s  %-14s  %8s%n";
        out.printf(Locale.ROOT, format, bucket == Bucket.TOTAL ? "" : bucket.name(), "CAMERA", "KIND", "NAME",
                "DIR", "CLASS", "COUNT");
        for (StoredCount c : rows) {
            out.printf(Locale.ROOT, format, bucket == Bucket.TOTAL ? "total" : TIME.format(c.bucket().atZone(zone)),
                    c.camera(), c.kind(), c.name(), c.direction(), c.className(), c.n());
        }
    }

    /** CSV with a header: {@code start} as an ISO instant (empty for totals), then the names and the count. */
    public static void printCsv(List<StoredCount> rows, Bucket bucket, PrintStream out) {
        out.println("start,camera,kind,name,direction,class,count");
        for (StoredCount c : rows) {
            out.println(String.join(",", bucket == Bucket.TOTAL ? "" : c.bucket().toString(), csv(c.camera()),
                    c.kind(), csv(c.name()), c.direction(), csv(c.className()), Long.toString(c.n())));
        }
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
