package dev.lookout.track.zones;

/** A change of a count: a line crossed, a zone entered or left. */
public sealed interface CountEvent permits CountEvent.Crossing, CountEvent.ZoneChange {

    /** The frame time in seconds. */
    double time();

    /** The track's id. */
    long trackId();

    /** The track's class. */
    String className();

    /**
     * A line crossed.
     *
     * @param in true for {@code in} (from the line's left to its right), false for {@code out}
     * @param inCount how many objects of this class have crossed this line {@code in} so far
     * @param outCount and {@code out}
     */
    record Crossing(double time, String line, long trackId, String className, boolean in, long inCount,
            long outCount) implements CountEvent {

        /** {@code in} or {@code out}. */
        public String direction() {
            return in ? "in" : "out";
        }
    }

    /**
     * A zone entered ({@code entered}) or left.
     *
     * @param inside objects in the zone now (after this change)
     * @param entries entries into the zone so far
     * @param exits exits so far
     * @param dwellSeconds the time this object has spent in the zone (this visit and earlier ones)
     */
    record ZoneChange(double time, String zone, long trackId, String className, boolean entered, int inside,
            long entries, long exits, double dwellSeconds) implements CountEvent {
    }
}
