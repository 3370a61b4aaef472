package dev.lookout.store;

import java.time.Instant;

/**
 * Which events to list, newest first: every filter is optional ({@code null}); {@code limit} and {@code offset}
 * page through the result.
 *
 * @param since events that started at or after this time
 * @param until events that started before this time
 * @param zone events whose zones include this one
 * @param line events that crossed this line (either way: the store keeps {@code name:in} / {@code name:out})
 */
public record EventQuery(String camera, String className, Instant since, Instant until, String zone, String line,
        int limit, int offset) {

    /** No filter, the newest 100. */
    public static final EventQuery NEWEST = new EventQuery(null, null, null, null, null, null, 100, 0);

    public EventQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
        }
    }

    public EventQuery camera(String value) {
        return new EventQuery(value, className, since, until, zone, line, limit, offset);
    }

    public EventQuery className(String value) {
        return new EventQuery(camera, value, since, until, zone, line, limit, offset);
    }

    public EventQuery since(Instant value) {
        return new EventQuery(camera, className, value, until, zone, line, limit, offset);
    }

    public EventQuery until(Instant value) {
        return new EventQuery(camera, className, since, value, zone, line, limit, offset);
    }

    public EventQuery zone(String value) {
        return new EventQuery(camera, className, since, until, value, line, limit, offset);
    }

    public EventQuery line(String value) {
        return new EventQuery(camera, className, since, until, zone, value, limit, offset);
    }

    public EventQuery limit(int value) {
        return new EventQuery(camera, className, since, until, zone, line, value, offset);
    }

    public EventQuery offset(int value) {
        return new EventQuery(camera, className, since, until, zone, line, limit, value);
    }
}
