package dev.lookout.track.zones;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The totals of a run's count changes, summed over its sources: per line, the crossings {@code in} and
 * {@code out} per class; per zone, the entries per class. Every line and zone is listed, counted or not, so a
 * reader can tell "nothing crossed" from "no such line". Built from the {@link CountEvent}s themselves (not from
 * the counters), so it holds exactly what the {@code "count"} lines say.
 */
public final class CountTotals {

    private final Map<String, Map<String, long[]>> lines = new LinkedHashMap<>(); // line -> class -> {in, out}
    private final Map<String, Map<String, Long>> zones = new LinkedHashMap<>(); // zone -> class -> entries

    /** Totals of these lines and zones, all zero. */
    public CountTotals(List<CountingLine> lines, List<Zone> zones) {
        lines.forEach(l -> this.lines.put(l.name(), new TreeMap<>()));
        zones.forEach(z -> this.zones.put(z.name(), new TreeMap<>()));
    }

    /** Adds count changes; a zone's exits do not change the totals. */
    public void add(List<CountEvent> events) {
        for (CountEvent e : events) {
            if (e instanceof CountEvent.Crossing c) {
                long[] n = lines.computeIfAbsent(c.line(), k -> new TreeMap<>())
                        .computeIfAbsent(c.className(), k -> new long[2]);
                n[c.in() ? 0 : 1]++;
            } else if (e instanceof CountEvent.ZoneChange z && z.entered()) {
                zones.computeIfAbsent(z.zone(), k -> new TreeMap<>()).merge(z.className(), 1L, Long::sum);
            }
        }
    }

    /**
     * {@code {"lines": {NAME: {"in": {CLASS: N}, "out": {CLASS: N}}}, "zones": {NAME: {"entered": {CLASS: N}}}}};
     * a class that never crossed one way is absent from that direction.
     */
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        ObjectNode lineNodes = root.putObject("lines");
        lines.forEach((name, byClass) -> {
            ObjectNode line = lineNodes.putObject(name);
            ObjectNode in = line.putObject("in");
            ObjectNode out = line.putObject("out");
            byClass.forEach((cls, n) -> {
                if (n[0] > 0) {
                    in.put(cls, n[0]);
                }
                if (n[1] > 0) {
                    out.put(cls, n[1]);
                }
            });
        });
        ObjectNode zoneNodes = root.putObject("zones");
        zones.forEach((name, byClass) -> {
            ObjectNode entered = zoneNodes.putObject(name).putObject("entered");
            byClass.forEach(entered::put);
        });
        return root;
    }
}
