package dev.lookout.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lists of names that must be one of a known set (COCO classes, cameras, zones) and names that end up in file
 * names and MQTT topics; each bad or repeated name is reported at its place with the closest known one.
 */
final class NameLists {

    /** Letters, digits, '_' and '-': safe in file names on every system and in MQTT topic levels. */
    static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private NameLists() {
    }

    /**
     * Reads {@code key} as a list of names from {@code known} ({@code what} says what they are: "COCO class",
     * "camera", ...). Empty when the key is absent.
     */
    static List<String> read(MapReader map, String key, String what, Collection<String> known, Problems problems) {
        return read(map, key, what, known, problems, false);
    }

    /**
     * Reads {@code key} as a list of COCO class names, in any case ({@code Person} is {@code person}, as on the
     * command line: see {@link dev.lookout.detect.ClassNames}).
     */
    static List<String> classes(MapReader map, String key, Collection<String> known, Problems problems) {
        return read(map, key, "COCO class", known, problems, true);
    }

    private static List<String> read(MapReader map, String key, String what, Collection<String> known,
            Problems problems, boolean lowerCase) {
        Set<String> seen = new HashSet<>();
        Optional<List<String>> names = map.list(key, "[person, car]", (node, path) -> {
            Optional<YamlNode.Scalar> s = MapReader.scalar(node, path, "a " + what + " name", problems);
            if (s.isEmpty()) {
                return null;
            }
            String name = lowerCase ? s.get().text().strip().toLowerCase(Locale.ROOT) : s.get().text();
            if (!known.contains(name)) {
                problems.at(node, path + ": unknown " + what + " '" + name + "'" + hint(name, what, known));
                return null;
            }
            if (!seen.add(name)) {
                problems.at(node, path + ": '" + name + "' is listed twice");
                return null;
            }
            return name;
        });
        return names.orElse(List.of());
    }

    /** Checks a name used in file names and topics; reports it at {@code at} and returns false when unsafe. */
    static boolean checkSafe(String name, String what, YamlNode.Key at, String path, Problems problems) {
        if (SAFE_NAME.matcher(name).matches()) {
            return true;
        }
        problems.at(at, path + ": " + what + " name '" + name + "' may hold only letters, digits, '_' and '-' "
                + "(at most 64): it is used in file names and MQTT topics");
        return false;
    }

    private static String hint(String name, String what, Collection<String> known) {
        Optional<String> close = Suggestions.closest(name, known);
        if (close.isPresent()) {
            return ": did you mean '" + close.get() + "'?";
        }
        if (known.isEmpty()) {
            return ": none is defined";
        }
        List<String> some = new ArrayList<>(known);
        return known.size() <= 12 ? ": expected one of " + String.join(", ", some)
                : ": see the model's labels.json for the " + known.size() + " names";
    }
}
