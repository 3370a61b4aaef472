package dev.lookout.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong in a configuration file, at the place it was written. The message never holds a password: URL
 * credentials are masked and password values are never quoted.
 *
 * @param file the file as the user named it
 * @param line 1-based line
 * @param column 1-based column
 * @param message what is wrong and what was expected, e.g. {@code cameras.gate.min_score: expected a number from
 *     0 to 1, found 1.5}
 */
public record ConfigProblem(Path file, int line, int column, String message) {

    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** The compiler-style line {@code FILE:LINE:COL: message} that editors and terminals link to the place. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
