package dev.lookout.track.zones;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The counts of a source's lines and zones at one moment, an immutable value that any thread may read (the
 * counters themselves belong to the tracking thread).
 *
 * @param lines per line: crossings per class
 * @param zones per zone: who is inside now, entries and exits
 */
public record RegionTotals(List<LineTotals> lines, List<ZoneTotals> zones) {

    /** Nothing counted. */
    public static final RegionTotals NONE = new RegionTotals(List.of(), List.of());

    public RegionTotals {
        lines = List.copyOf(lines);
        zones = List.copyOf(zones);
    }

    /** One class's crossings of a line. */
    public record ClassCount(String className, long in, long out) {
    }

    /** A line's crossings, per class (sorted by class). */
    public record LineTotals(String name, List<ClassCount> byClass) {
        public LineTotals {
            byClass = List.copyOf(byClass);
        }

        /** Crossings {@code in}, all classes. */
        public long in() {
            return byClass.stream().mapToLong(ClassCount::in).sum();
        }

        /** Crossings {@code out}, all classes. */
        public long out() {
            return byClass.stream().mapToLong(ClassCount::out).sum();
        }
    }

    /** A zone's objects inside now (per class, sorted), entries and exits. */
    public record ZoneTotals(String name, Map<String, Integer> insideByClass, long entries, long exits) {
        public ZoneTotals {
            insideByClass = Map.copyOf(new TreeMap<>(insideByClass));
        }

        /** Objects inside now, all classes. */
        public int inside() {
            return insideByClass.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The counts of {@code counter} now (call on the thread that updates it). */
    public static RegionTotals of(RegionCounter counter) {
        List<LineTotals> lines = counter.lines().stream().map(l -> new LineTotals(l.line().name(),
                new TreeMap<>(l.classes().stream().collect(Collectors.toMap(c -> c, l::counts))).entrySet()
                        .stream().map(e -> new ClassCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList()))
                .toList();
        List<ZoneTotals> zones = counter.zones().stream().map(z -> new ZoneTotals(z.zone().name(),
                z.insideByClass(), z.entries(), z.exits())).toList();
        return new RegionTotals(lines, zones);
    }

    /** One line of text for a status bar: {@code gate in 3 · out 1   yard 2 inside}; empty when nothing counts. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        for (LineTotals l : lines) {
            b.append(b.isEmpty() ? "" : "   ").append(String.format(Locale.ROOT, "%s in %d · out %d", l.name(),
                    l.in(), l.out()));
        }
        for (ZoneTotals z : zones) {
            b.append(b.isEmpty() ? "" : "   ").append(String.format(Locale.ROOT, "%s %d inside", z.name(),
                    z.inside()));
        }
        return b.toString();
    }
}
