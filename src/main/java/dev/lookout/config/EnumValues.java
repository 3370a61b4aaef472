package dev.lookout.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Enum settings written in lowercase in the file ({@code record: events}, {@code device: cpu}). */
final class EnumValues {

    private EnumValues() {
    }

    /** The file's spelling of a constant: {@code EVENTS} → {@code events}. */
    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code key} as one of {@code type}'s constants (any case), reporting other values with a suggestion. */
    static <E extends Enum<E>> Optional<E> read(MapReader map, String key, Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(EnumValues::name).toList();
        String expected = "one of " + String.join(", ", names);
        return map.scalar(key, expected).flatMap(s -> {
            String text = s.text().strip().toLowerCase(Locale.ROOT);
            int i = names.indexOf(text);
            if (i >= 0) {
                return Optional.of(type.getEnumConstants()[i]);
            }
            String hint = Suggestions.closest(text, names).map(n -> " (did you mean '" + n + "'?)").orElse("");
            map.problems().at(s, map.path(key) + ": expected " + expected + ", found '" + s.text() + "'" + hint);
            return Optional.empty();
        });
    }
}
