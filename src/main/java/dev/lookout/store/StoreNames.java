package dev.lookout.store;

import java.util.List;

/**
 * The names a store's events use, each list sorted and without repeats ({@link StoreReader#names()}): what a filter
 * of {@code lookout events} can match, and what to suggest when it matches nothing.
 *
 * @param lines line names without the {@code :in} / {@code :out} of the crossing
 */
public record StoreNames(List<String> cameras, List<String> classes, List<String> zones, List<String> lines) {

    public StoreNames {
        cameras = List.copyOf(cameras);
        classes = List.copyOf(classes);
        zones = List.copyOf(zones);
        lines = List.copyOf(lines);
    }
}
