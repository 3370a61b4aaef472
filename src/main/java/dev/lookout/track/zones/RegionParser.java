package dev.lookout.track.zones;

import java.util.regex.Pattern;

/**
 * Parses {@code --line NAME:x1,y1,x2,y2} and {@code --zone NAME:x1,y1;x2,y2;x3,y3...}. Coordinates are source
 * pixels, or fractions of the frame's width and height when every one of them is between 0 and 1. Errors are
 * {@link IllegalArgumentException}s whose message names the option and the field.
 */
public final class RegionParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    private RegionParser() {
    }

    /** A counting line from {@code NAME:x1,y1,x2,y2}. */
    public static CountingLine line(String spec) {
        String[] nameAndRest = split("--line", spec, "NAME:x1,y1,x2,y2");
        String[] parts = nameAndRest[1].split(",", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("--line " + spec + ": needs 4 numbers x1,y1,x2,y2 after the name, "
                    + "found " + parts.length);
        }
        String[] fields = {"x1", "y1", "x2", "y2"};
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            v[i] = number("--line " + spec, fields[i], parts[i]);
        }
        if (v[0] == v[2] && v[1] == v[3]) {
            throw new IllegalArgumentException("--line " + spec + ": its two points are the same");
        }
        return new CountingLine(nameAndRest[0], v[0], v[1], v[2], v[3], allFractions(v));
    }

    /** A zone from {@code NAME:x1,y1;x2,y2;x3,y3...} (at least three points). */
    public static Zone zone(String spec) {
        String[] nameAndRest = split("--zone", spec, "NAME:x1,y1;x2,y2;x3,y3");
        String[] points = nameAndRest[1].split(";", -1);
        if (points.length < 3) {
            throw new IllegalArgumentException("--zone " + spec + ": a zone needs at least 3 points x,y separated "
                    + "by ';', found " + points.length);
        }
        double[] xs = new double[points.length];
        double[] ys = new double[points.length];
        double[] all = new double[2 * points.length];
        for (int i = 0; i < points.length; i++) {
            String[] xy = points[i].split(",", -1);
            if (xy.length != 2) {
                throw new IllegalArgumentException("--zone " + spec + ": point " + (i + 1) + " ('" + points[i]
                        + "') must be x,y");
            }
            xs[i] = number("--zone " + spec, "x" + (i + 1), xy[0]);
            ys[i] = number("--zone " + spec, "y" + (i + 1), xy[1]);
            all[2 * i] = xs[i];
            all[2 * i + 1] = ys[i];
        }
        return new Zone(nameAndRest[0], xs, ys, allFractions(all));
    }

    private static String[] split(String option, String spec, String form) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(option + " " + spec + ": expected " + form);
        }
        String name = spec.substring(0, colon).strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(option + " " + spec + ": the name '" + name + "' must be 1 to 40 "
                    + "letters, digits, '_', '.' or '-'");
        }
        return new String[] {name, spec.substring(colon + 1)};
    }

    private static double number(String where, String field, String text) {
        try {
            double v = Double.parseDouble(text.strip());
            if (!Double.isFinite(v) || v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + field + " must be a number of pixels or a fraction "
                    + "0..1, not '" + text.strip() + "'");
        }
    }

    private static boolean allFractions(double[] values) {
        for (double v : values) {
            if (v > 1) {
                return false;
            }
        }
        return true;
    }
}
