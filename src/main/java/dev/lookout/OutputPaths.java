package dev.lookout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The one check behind "outputs never overwrite inputs", for every command that writes files, with one message:
 * {@code <label> <output> is the input <input>; choose another file}.
 */
public final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * True when {@code output} and {@code input} are the same file or folder, also through links and relative
     * paths; a path that does not exist yet is the input only when it is spelled the same (once made absolute and
     * normalised).
     */
    public static boolean sameFile(Path output, Path input) {
        if (output.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(output) && Files.exists(input) && Files.isSameFile(output, input);
        } catch (IOException e) {
            return false; // an input that cannot be read fails later with its own message
        }
    }

    /**
     * Fails with {@code failure}'s exception when {@code output} is {@code input}.
     *
     * @param label how the output is named to the user: {@code the output}, or the option that gave it
     * @param output the output, or null for none
     */
    public static <E extends Exception> void refuseOverwriting(String label, Path output, Path input,
            Function<String, E> failure) throws E {
        if (output != null && sameFile(output, input)) {
            throw failure.apply(label + " " + output + " is the input " + input + "; choose another file");
        }
    }
}
