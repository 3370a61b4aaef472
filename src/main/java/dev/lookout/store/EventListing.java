package dev.lookout.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Events as {@code lookout events} prints them: a table for people (local time, duration, camera, class, top score,
 * id, clip and snapshot names), or one JSON object per line ({@link StoredEvent#json()}) for scripts.
 */
public final class EventListing {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final String ROW = "%-19s  %9s  %-12s  %-12s  %5s  %-28s  %s%n";

    private final ZoneId zone;

    /** A listing with times in {@code zone}. */
    public EventListing(ZoneId zone) {
        this.zone = zone;
    }

    /** One JSON object per line. */
    public void printJson(List<StoredEvent> events, PrintStream out) {
        for (StoredEvent e : events) {
            out.println(e.json().toString());
        }
    }

    /** A table with a header; a note instead when there is nothing to list. */
    public void printTable(List<StoredEvent> events, PrintStream out) {
        if (events.isEmpty()) {
            out.println("no events match");
            return;
        }
        out.printf(ROW, "START", "DURATION", "CAMERA", "CLASS", "SCORE", "ID", "FILES");
        for (StoredEvent stored : events) {
            var e = stored.event();
            out.printf(ROW, TIME.format(e.start().atZone(zone)), duration(stored), e.camera(), e.className(),
                    String.format(Locale.ROOT, "%.2f", e.topScore()), e.id(), files(e.clip(), e.snapshot()));
        }
    }

    /** {@code 0:09}, {@code 1:02:03}, {@code open}, or {@code ~0:09} when the end is only an estimate. */
    static String duration(StoredEvent stored) {
        var e = stored.event();
        if (e.end() == null) {
            return "open";
        }
        long s = Math.max(0, Duration.between(e.start(), e.end()).toSeconds());
        String text = s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        return stored.endUnknown() ? "~" + text : text;
    }

    private static String files(Path clip, Path snapshot) {
        String text = (clip == null ? "" : clip.toString()) + (clip != null && snapshot != null ? "  " : "")
                + (snapshot == null ? "" : snapshot.toString());
        return text.isEmpty() ? "-" : text;
    }
}
