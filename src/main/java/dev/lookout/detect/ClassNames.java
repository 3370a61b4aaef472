package dev.lookout.detect;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one reading of a class list typed by a user ({@code --classes}, {@code --watch}, the window's filter, the
 * configuration file): comma-separated, trimmed, lower-cased (COCO's names are lower case, so {@code Person} means
 * {@code person}), duplicates dropped, order kept.
 */
public final class ClassNames {

    private ClassNames() {
    }

    /** The classes named in {@code text}; empty for {@code null} or blank text. */
    public static Set<String> parse(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null) {
            for (String part : text.split(",")) {
                String name = part.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** The names among {@code classes} that {@code known} lacks, sorted (empty when all are known). */
    public static List<String> unknown(Collection<String> classes, Collection<String> known) {
        return classes.stream().filter(c -> !known.contains(c)).sorted().toList();
    }

    /**
     * A message for unknown classes, e.g. {@code unknown class persn; the classes are: person, bicycle, ...}, or
     * {@code null} when every class is known.
     */
    public static String unknownMessage(Collection<String> classes, List<String> known) {
        List<String> unknown = unknown(classes, known);
        if (unknown.isEmpty()) {
            return null;
        }
        return "unknown class" + (unknown.size() > 1 ? "es " : " ") + String.join(", ", unknown)
                + "; the classes are: " + String.join(", ", known);
    }
}
