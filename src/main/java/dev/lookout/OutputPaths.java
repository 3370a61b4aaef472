package dev.lookout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Function;

/**
 * The one check behind "outputs never overwrite inputs", for every command that writes files, with one message:
 * {@code <label> <output> is the input <input>; choose another file}.
 */
public final class OutputPaths {

    /** What an output path names. */
    public enum Kind {
        /** A file the command creates, replaces or appends to. */
        FILE,
        /** A folder the command writes new files into. */
        FOLDER
    }

    private OutputPaths() {
    }

    /**
     * Why {@code output} cannot be written as a {@code kind}, or null when it can be tried: an existing file output
     * must be a regular file (a device such as {@code /dev/full} would swallow the write or be replaced by a file, a
     * folder cannot be written), an existing folder output must be a folder. Links are followed.
     *
     * @param label how the output is named to the user, e.g. {@code --output}
     */
    public static String unwritable(String label, Path output, Kind kind) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(output, BasicFileAttributes.class);
        } catch (IOException e) {
            return null; // does not exist (yet), or cannot be read: the write itself says why
        }
        if (kind == Kind.FOLDER) {
            return attributes.isDirectory() ? null
                    : label + " " + output + " is a file, not a folder; give a folder (it is created if missing)";
        }
        if (attributes.isDirectory()) {
            return label + " " + output + " is a folder; give a file name, e.g. " + output.resolve("out");
        }
        if (!attributes.isRegularFile()) {
            return label + " " + output + " is a device or other special file, not a regular file; give the path "
                    + "of a file";
        }
        return null;
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
