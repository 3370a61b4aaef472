package dev.lookout.track.zones;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The counting lines and zones of one source, and their text form: one {@code line NAME:x1,y1,x2,y2} or
 * {@code zone NAME:x1,y1;x2,y2;...} per line of text, the {@code --line}/{@code --zone} syntax that
 * {@link RegionParser} reads (so what is saved reads back through the same checks). Names are unique across
 * lines and zones.
 */
public record Regions(List<CountingLine> lines, List<Zone> zones) {

    /** No lines, no zones. */
    public static final Regions NONE = new Regions(List.of(), List.of());

    /** Copies the lists; checks that no two lines or zones share a name. */
    public Regions {
        lines = List.copyOf(lines);
        zones = List.copyOf(zones);
        Set<String> names = new LinkedHashSet<>();
        List<String> all = new ArrayList<>();
        lines.forEach(l -> all.add(l.name()));
        zones.forEach(z -> all.add(z.name()));
        for (String n : all) {
            if (!names.add(n)) {
                throw new IllegalArgumentException("two lines or zones are called '" + n + "'");
            }
        }
    }

    /** Equal when their text forms are (zones hold arrays, which records compare by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Regions r && format().equals(r.format());
    }

    @Override
    public int hashCode() {
        return format().hashCode();
    }

    /** True when there is nothing to count. */
    public boolean isEmpty() {
        return lines.isEmpty() && zones.isEmpty();
    }

    /** Every name, lines first. */
    public List<String> names() {
        List<String> all = new ArrayList<>();
        lines.forEach(l -> all.add(l.name()));
        zones.forEach(z -> all.add(z.name()));
        return all;
    }

    /** The text form, one region per line (empty for none). */
    public String format() {
        StringBuilder b = new StringBuilder();
        for (CountingLine l : lines) {
            b.append("line ").append(spec(l)).append('\n');
        }
        for (Zone z : zones) {
            b.append("zone ").append(spec(z)).append('\n');
        }
        return b.toString();
    }

    /** Reads {@link #format()}'s text; a bad line is an {@link IllegalArgumentException} naming it. */
    public static Regions parse(String text) {
        List<CountingLine> lines = new ArrayList<>();
        List<Zone> zones = new ArrayList<>();
        for (String row : text.split("\n")) {
            String r = row.strip();
            if (r.startsWith("line ")) {
                lines.add(RegionParser.line(r.substring(5)));
            } else if (r.startsWith("zone ")) {
                zones.add(RegionParser.zone(r.substring(5)));
            } else if (!r.isEmpty()) {
                throw new IllegalArgumentException("not a line or zone: '" + r + "'");
            }
        }
        return new Regions(lines, zones);
    }

    /** {@code NAME:x1,y1,x2,y2}, as {@code --line} takes it. */
    public static String spec(CountingLine l) {
        return l.name() + ":" + num(l.x1()) + "," + num(l.y1()) + "," + num(l.x2()) + "," + num(l.y2());
    }

    /** {@code NAME:x1,y1;x2,y2;...}, as {@code --zone} takes it. */
    public static String spec(Zone z) {
        StringBuilder b = new StringBuilder(z.name()).append(':');
        double[] xs = z.xs();
        double[] ys = z.ys();
        for (int i = 0; i < xs.length; i++) {
            b.append(i == 0 ? "" : ";").append(num(xs[i])).append(',').append(num(ys[i]));
        }
        return b.toString();
    }

    // Fractions with 5 decimals (a tenth of a pixel at 4K); pixels as they are.
    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.5f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "") : s;
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
