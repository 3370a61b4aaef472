package dev.lookout.cli;

import dev.lookout.track.zones.RegionParser;
import dev.lookout.track.zones.Regions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --line} and {@code --zone}: counting lines and zones, shared by {@code detect --track} and {@code live}. */
final class RegionOptions {

    @Option(names = "--line", paramLabel = "NAME:x1,y1,x2,y2", description = "a counting line (pixels, or fractions "
            + "0..1 of the frame); with detect --track and track crossings are written as \"count\" lines (repeatable)")
    List<String> lines = new ArrayList<>();

    @Option(names = "--zone", paramLabel = "NAME:x1,y1;x2,y2;...", description = "a zone (a polygon of 3 or more "
            + "points); with detect --track and track entries and exits are written as \"count\" lines (repeatable)")
    List<String> zones = new ArrayList<>();

    /** True when no line and no zone was given. */
    boolean isEmpty() {
        return lines.isEmpty() && zones.isEmpty();
    }

    /** The lines and zones, checked (each malformed one and a shared name is a usage error). */
    Regions parse() throws UsageException {
        try {
            return new Regions(lines.stream().map(RegionParser::line).toList(),
                    zones.stream().map(RegionParser::zone).toList());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().startsWith("two lines or zones")
                    ? e.getMessage() + "; give each its own name" : e.getMessage());
        }
    }
}
