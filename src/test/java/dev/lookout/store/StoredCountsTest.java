package dev.lookout.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crossings and entries stored per minute survive the store's reopening and sum into hours, days and totals. */
class StoredCountsTest {

    @Test
    void countsSurviveReopeningAndSumPerHourDayAndTotal(@TempDir Path dir) throws Exception {
        Instant t = Instant.parse("2026-12-01T10:15:20Z");
        try (EventStore store = EventStore.open(StoreOptions.defaults(dir))) {
            store.addCounts(List.of(line("in", t), line("in", t.plusSeconds(5)), line("out", t.plusSeconds(3600)),
                    new StoredCount("gate", StoredCount.ZONE, "yard", "entered", "person", t, 1)));
            store.flush();
        }
        try (EventStore store = EventStore.open(StoreOptions.defaults(dir))) {
            store.addCounts(List.of(line("in", t.plusSeconds(30))));
            store.flush();
            StoreReader reader = store.reader();
            List<StoredCount> minutes = reader.countMinutes("gate", t.minusSeconds(3600), t.plusSeconds(7200));
            assertEquals(2, minutes.stream().filter(c -> c.kind().equals("line")).count(), "a 10:15 row, an 11:15 row");
            assertEquals(3, minutes.stream()
                    .filter(c -> c.direction().equals("in") && c.bucket().equals(Instant.parse(
                            "2026-12-01T10:15:00Z"))).findFirst().orElseThrow().n(), "three crossings in 10:15");
            List<StoredCount> hours = CountSeries.sum(minutes, CountSeries.Bucket.HOUR, ZoneId.of("UTC"));
            assertEquals(List.of("10:00 line in 3", "10:00 zone entered 1", "11:00 line out 1"), hours.stream()
                    .map(c -> c.bucket().toString().substring(11, 16) + " " + c.kind() + " " + c.direction() + " "
                            + c.n()).toList());
            List<StoredCount> totals = reader.countTotals("gate");
            assertEquals(List.of("line in 3", "line out 1", "zone entered 1"), totals.stream()
                    .map(c -> c.kind() + " " + c.direction() + " " + c.n()).toList());
            assertEquals(1, CountSeries.sum(minutes, CountSeries.Bucket.DAY, ZoneId.of("UTC")).stream()
                    .filter(c -> c.direction().equals("in")).count(), "one day");
        }
    }

    private static StoredCount line(String direction, Instant at) {
        return new StoredCount("gate", StoredCount.LINE, "door", direction, "person", at, 1);
    }
}
