package dev.lookout.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A password or token from the configuration. Its {@link #toString()} is a mask, so that printing a configuration
 * record (a log line, an exception, a debugger) never shows it; {@link #reveal()} gives the value to the one place
 * that sends it. A secret read through a reference ({@code password_file:} or a {@code ${VAR}} in the value) keeps
 * the reference as written, so that saving the file writes the reference again, never the secret it resolved to.
 */
public final class Secret {

    private final String value;
    /** {@code password_file:} as written, or null. */
    private final String file;
    /** The value as written when it holds {@code ${VAR}} references, or null. */
    private final String written;

    /** Wraps a secret value written inline; an empty one is allowed (some brokers accept it). */
    public Secret(String value) {
        this(value, null, null);
    }

    private Secret(String value, String file, String written) {
        this.value = Objects.requireNonNull(value, "value");
        this.file = file;
        this.written = written;
    }

    /** A secret read from the file named {@code file} (as written in the configuration). */
    static Secret fromFile(String file, String value) {
        return new Secret(value, Objects.requireNonNull(file, "file"), null);
    }

    /** A secret whose written text {@code written} holds {@code ${VAR}} references resolving to {@code value}. */
    static Secret fromEnvironment(String written, String value) {
        return new Secret(value, null, Objects.requireNonNull(written, "written"));
    }

    /** The secret itself: only for the client that authenticates with it. */
    public String reveal() {
        return value;
    }

    /** The {@code password_file:} it came from, as written; empty for a value in the configuration. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /**
     * This secret with its relative {@code password_file:} made absolute against the folder of
     * {@code configFile}, so that a configuration saved into another folder still names the same file; otherwise
     * this secret.
     */
    public Secret withFileFrom(Path configFile) {
        if (file == null || SourceSpecs.isUrl(file) || Path.of(file).isAbsolute()) {
            return this;
        }
        return fromFile(SourceSpecs.resolve(file, configFile).toString(), value);
    }

    /**
     * What the configuration says for {@code password:}: the value as written, with its {@code ${VAR}} references
     * unresolved (only an inline secret is the secret itself). Meaningless when {@link #file()} is present.
     */
    public String written() {
        return written != null ? written : value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value) && Objects.equals(s.file, file)
                && Objects.equals(s.written, written);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, file, written);
    }

    @Override
    public String toString() {
        return "***";
    }
}
