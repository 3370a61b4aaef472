package dev.lookout.track.zones;

import dev.lookout.track.Tracks;
import java.util.ArrayList;
import java.util.List;

/**
 * All counting lines and zones of one source. Their coordinates may be fractions of the frame: they are turned
 * into pixels with the first frame's size.
 */
public final class RegionCounter {

    private List<CountingLine> lineSpecs;
    private List<Zone> zoneSpecs;
    private List<LineCounter> lines;
    private List<ZoneCounter> zones;
    private int width;
    private int height;

    public RegionCounter(List<CountingLine> lines, List<Zone> zones) {
        this.lineSpecs = List.copyOf(lines);
        this.zoneSpecs = List.copyOf(zones);
    }

    /** True when there is nothing to count. */
    public boolean isEmpty() {
        return lineSpecs.isEmpty() && zoneSpecs.isEmpty();
    }

    /** Takes one frame's tracks (of a {@code width × height} frame) and returns the count changes, in order. */
    public List<CountEvent> update(Tracks tracks, int width, int height) {
        if (lines == null) {
            this.width = width;
            this.height = height;
            lines = lineSpecs.stream().map(l -> new LineCounter(l.inPixels(width, height))).toList();
            zones = zoneSpecs.stream().map(z -> new ZoneCounter(z.inPixels(width, height))).toList();
        }
        List<CountEvent> out = new ArrayList<>();
        for (LineCounter l : lines) {
            l.update(tracks.time(), tracks.active(), out);
            l.ended(tracks.ended());
        }
        for (ZoneCounter z : zones) {
            z.update(tracks.time(), tracks.active(), out);
            z.ended(tracks.ended(), out);
        }
        return out;
    }

    /**
     * Counts these lines and zones from the next frame on (they were edited). A line or zone that is unchanged
     * (same name and corners) keeps its counter and counts; the others start from zero.
     */
    public void replace(List<CountingLine> newLines, List<Zone> newZones) {
        lineSpecs = List.copyOf(newLines);
        zoneSpecs = List.copyOf(newZones);
        if (lines == null) {
            return;
        }
        List<LineCounter> keptLines = new ArrayList<>();
        for (CountingLine spec : lineSpecs) {
            CountingLine px = spec.inPixels(width, height);
            keptLines.add(lines.stream().filter(c -> c.line().equals(px)).findFirst()
                    .orElseGet(() -> new LineCounter(px)));
        }
        List<ZoneCounter> keptZones = new ArrayList<>();
        for (Zone spec : zoneSpecs) {
            Zone px = spec.inPixels(width, height);
            keptZones.add(zones.stream().filter(c -> c.zone().sameAs(px)).findFirst()
                    .orElseGet(() -> new ZoneCounter(px)));
        }
        lines = List.copyOf(keptLines);
        zones = List.copyOf(keptZones);
    }

    /** The line counters (empty before the first frame). */
    public List<LineCounter> lines() {
        return lines == null ? List.of() : lines;
    }

    /** The zone counters (empty before the first frame). */
    public List<ZoneCounter> zones() {
        return zones == null ? List.of() : zones;
    }
}
