package dev.lookout.web;

import dev.lookout.store.EventQuery;
import dev.lookout.store.TimeSpans;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters of {@code GET /api/events}: {@code camera}, {@code class}, {@code since} and {@code until}
 * (a span back from now such as {@code 2h}, or an instant such as {@code 2026-12-01T10:00:00Z}), {@code limit}
 * (1..{@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}) and {@code offset} (0 or more). Anything else, or a bad
 * value, is a 400 naming the parameter.
 */
final class EventParams {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> KNOWN = Set.of("camera", "class", "since", "until", "limit", "offset");

    private EventParams() {
    }

    static EventQuery parse(String rawQuery, Instant now) throws HttpProblem {
        Map<String, String> params = decode(rawQuery);
        for (String name : params.keySet()) {
            if (!KNOWN.contains(name)) {
                throw HttpProblem.badRequest("unknown parameter '" + name + "': use camera, class, since, until, "
                        + "limit or offset");
            }
        }
        EventQuery query = EventQuery.NEWEST.limit(DEFAULT_LIMIT)
                .camera(nonEmpty(params, "camera")).className(nonEmpty(params, "class"));
        if (params.containsKey("since")) {
            query = query.since(instant(params, "since", now));
        }
        if (params.containsKey("until")) {
            query = query.until(instant(params, "until", now));
        }
        if (params.containsKey("limit")) {
            query = query.limit(number(params, "limit", 1, MAX_LIMIT));
        }
        if (params.containsKey("offset")) {
            query = query.offset(number(params, "offset", 0, Integer.MAX_VALUE));
        }
        return query;
    }

    /** {@code name=value} pairs, URL-decoded; a parameter given twice is a 400 (which one would count?). */
    static Map<String, String> decode(String rawQuery) throws HttpProblem {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (params.put(name, value) != null) {
                    throw HttpProblem.badRequest("parameter '" + name + "' is given more than once");
                }
            } catch (IllegalArgumentException badEscape) {
                throw HttpProblem.badRequest("the query string is not URL-encoded properly");
            }
        }
        return params;
    }

    private static String nonEmpty(Map<String, String> params, String name) throws HttpProblem {
        String value = params.get(name);
        if (value != null && value.isBlank()) {
            throw HttpProblem.badRequest("parameter '" + name + "' is empty: leave it out to list every " + name);
        }
        return value;
    }

    static Instant instant(Map<String, String> params, String name, Instant now) throws HttpProblem {
        try {
            return TimeSpans.parseSince(params.get(name), now);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("parameter '" + name + "': " + e.getMessage());
        }
    }

    private static int number(Map<String, String> params, String name, int min, int max) throws HttpProblem {
        String value = params.get(name);
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw HttpProblem.badRequest("parameter '" + name + "' must be a whole number from " + min + " to "
                + (max == Integer.MAX_VALUE ? "any" : Integer.toString(max)) + ", got '" + value + "'");
    }
}
