package dev.lookout.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small GNU-style option parser: {@code --name value}, {@code --name=value}, boolean {@code --flag}, and
 * positional arguments. Unknown options are usage errors, so a typo never silently changes a run.
 */
public final class Args {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();

    private Args() {
    }

    /**
     * Parses {@code args}.
     *
     * @param valueOptions options that take a value, without the leading dashes
     * @param flagOptions options that take none
     */
    public static Args parse(String[] args, Set<String> valueOptions, Set<String> flagOptions) throws UsageException {
        Args parsed = new Args();
        boolean onlyPositional = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (onlyPositional || !arg.startsWith("--") || arg.equals("-")) {
                if (!onlyPositional && arg.startsWith("-") && arg.length() > 1 && !arg.equals("-")
                        && !Character.isDigit(arg.charAt(1))) {
                    throw new UsageException("unknown option '" + arg + "'");
                }
                parsed.positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                onlyPositional = true;
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (valueOptions.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("option --" + name + " needs a value");
                    }
                    value = args[++i];
                }
                parsed.values.put(name, value);
            } else if (flagOptions.contains(name) && value == null) {
                parsed.flags.add(name);
            } else {
                throw new UsageException("unknown option '--" + name + "'");
            }
        }
        return parsed;
    }

    /** True if the boolean option was given. */
    public boolean flag(String name) {
        return flags.contains(name);
    }

    /** The option's value, or {@code fallback} when it was not given. */
    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** True if the option was given a value. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The option's value as an int, or {@code fallback}; a non-number is a usage error. */
    public int getInt(String name, int fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not '" + v + "'");
        }
    }

    /** The option's value as a double, or {@code fallback}; a non-number is a usage error. */
    public double getDouble(String name, double fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, not '" + v + "'");
        }
    }

    /** The positional arguments in order. */
    public List<String> positional() {
        return List.copyOf(positional);
    }
}
