package dev.lookout.track.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MOTChallenge's text format: one box per line, {@code frame,id,x,y,w,h,conf,x,y,z} (frames 1-based; the world
 * coordinates {@code -1} when unknown). Reading needs the first six fields; {@code conf} defaults to 1; further
 * fields (MOT17's class and visibility) are accepted and ignored. Blank lines are skipped.
 */
public final class MotFile {

    private static final String[] FIELDS = {"frame", "id", "x", "y", "w", "h", "conf"};

    private MotFile() {
    }

    /**
     * Reads every row.
     *
     * @param name how to call the input in messages (its file name)
     * @throws MotFormatException naming the line and the field of the first bad row
     */
    public static List<MotBox> read(BufferedReader in, String name) throws IOException {
        List<MotBox> rows = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(line.indexOf(',') >= 0 ? "," : "\\s+", -1);
            if (parts.length < 6) {
                throw new MotFormatException(name + " line " + number + ": a MOT row needs at least 6 fields "
                        + "(frame,id,x,y,w,h), found " + parts.length);
            }
            double[] v = new double[7];
            v[6] = 1;
            for (int f = 0; f < Math.min(7, parts.length); f++) {
                try {
                    v[f] = Double.parseDouble(parts[f].strip());
                } catch (NumberFormatException e) {
                    throw new MotFormatException(name + " line " + number + ": field '" + FIELDS[f]
                            + "' is not a number: '" + parts[f].strip() + "'");
                }
                if (!Double.isFinite(v[f])) {
                    throw new MotFormatException(name + " line " + number + ": field '" + FIELDS[f]
                            + "' is not finite");
                }
            }
            if (v[0] != Math.rint(v[0]) || v[0] < 1) {
                throw new MotFormatException(name + " line " + number + ": field 'frame' must be a whole number "
                        + "from 1, not " + parts[0].strip());
            }
            if (v[1] != Math.rint(v[1])) {
                throw new MotFormatException(name + " line " + number + ": field 'id' must be a whole number, not "
                        + parts[1].strip());
            }
            if (v[4] < 0 || v[5] < 0) {
                throw new MotFormatException(name + " line " + number + ": field '" + (v[4] < 0 ? "w" : "h")
                        + "' must not be negative");
            }
            rows.add(new MotBox((int) v[0], (long) v[1], v[2], v[3], v[4], v[5], v[6]));
        }
        return rows;
    }

    /** Writes one row as {@code frame,id,x,y,w,h,conf,-1,-1,-1}. */
    public static void write(Writer out, MotBox box) throws IOException {
        out.write(String.format(Locale.ROOT, "%d,%d,%.2f,%.2f,%.2f,%.2f,%.4f,-1,-1,-1%n", box.frame(), box.id(),
                box.x(), box.y(), box.width(), box.height(), box.confidence()));
    }
}
