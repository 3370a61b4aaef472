package dev.lookout.live;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Class names as the user types them: {@code "person, Car"} is {@code [person, car]}. */
public final class ClassList {

    private ClassList() {
    }

    /** Splits at commas, trims and lower-cases each name, ignores blanks; keeps the order given. */
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
}
