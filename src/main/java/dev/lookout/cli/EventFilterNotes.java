package dev.lookout.cli;

import dev.lookout.config.Suggestions;
import dev.lookout.detect.CocoLabels;
import dev.lookout.store.EventQuery;
import dev.lookout.store.StoreNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Why {@code lookout events} listed nothing: each filter naming something the store's events never use, with the
 * names they do use and the closest one ({@code no camera 'nope' in this store (cameras: door, gate)}).
 *
 * <p>A class that neither Coco-SSD (its 80 COCO names) nor any stored event knows can only be a typo, so it is a
 * usage error ({@link #unknownClass}, exit 2). A camera, zone or line is the user's own name, and one that is
 * configured but has no events yet is real: a note, exit 0, so that a script asking about a new camera does not
 * fail. A known class without events gets the same note.
 */
final class EventFilterNotes {

    private EventFilterNotes() {
    }

    /** A usage error for a class name no model or stored event has, or null when the class is a known one. */
    static UsageException unknownClass(String className, StoreNames names) {
        if (className == null || names.classes().contains(className)
                || CocoLabels.COCO_NAMES.contains(className)) {
            return null;
        }
        TreeSet<String> known = new TreeSet<>(CocoLabels.COCO_NAMES);
        known.addAll(names.classes());
        return new UsageException("--class: unknown class '" + className + "'" + Suggestions.closest(className, known)
                .map(c -> "; did you mean " + c + "?").orElse(" (Coco-SSD's classes are COCO's 80, e.g. person, car, "
                        + "dog" + (names.classes().isEmpty() ? "" : "; this store holds " + list(names.classes()))
                        + ")"));
    }

    /** One note per filter of {@code query} that matches no stored event, in option order. */
    static List<String> notes(EventQuery query, StoreNames names) {
        List<String> notes = new ArrayList<>();
        note(notes, "camera", "cameras", query.camera(), names.cameras());
        note(notes, "class", "classes", query.className(), names.classes());
        note(notes, "zone", "zones", query.zone(), names.zones());
        note(notes, "line", "lines", query.line() == null ? null : query.line().replaceFirst(":(in|out)$", ""),
                names.lines());
        return notes;
    }

    private static void note(List<String> notes, String what, String plural, String asked, Collection<String> held) {
        if (asked == null || held.contains(asked)) {
            return;
        }
        String prefix = what.equals("class") ? "no '" + asked + "' events" : "no " + what + " '" + asked + "'";
        notes.add(prefix + " in this store (" + plural + ": " + list(held) + ")"
                + Suggestions.closest(asked, held).map(c -> "; did you mean " + c + "?").orElse(""));
    }

    private static String list(Collection<String> names) {
        return names.isEmpty() ? "none yet" : String.join(", ", names);
    }
}
