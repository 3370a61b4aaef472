package dev.lookout.config;

import java.util.Objects;

/**
 * A password or token from the configuration. Its {@link #toString()} is a mask, so that printing a configuration
 * record (a log line, an exception, a debugger) never shows it; {@link #reveal()} gives the value to the one place
 * that sends it.
 */
public final class Secret {

    private final String value;

    /** Wraps a secret value; an empty one is allowed (some brokers accept it). */
    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The secret itself: only for the client that authenticates with it, or for saving the file. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "***";
    }
}
