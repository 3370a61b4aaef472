package dev.lookout.ui.wall;

import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.List;

/** Breaks a message into lines that fit a width, for text painted across a tile. */
final class TextWrap {

    private TextWrap() {
    }

    /** At most {@code maxLines} lines of {@code text} no wider than {@code width}; the last one ends in "…" if cut. */
    static List<String> lines(String text, FontMetrics fm, int width, int maxLines) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (fm.stringWidth(candidate) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            out.add(line.toString());
            line.setLength(0);
            line.append(word);
            if (out.size() == maxLines) {
                break;
            }
        }
        if (out.size() < maxLines && !line.isEmpty()) {
            out.add(line.toString());
        } else if (out.size() == maxLines && !line.isEmpty()) {
            out.set(maxLines - 1, out.get(maxLines - 1) + " …");
        }
        return out;
    }
}
