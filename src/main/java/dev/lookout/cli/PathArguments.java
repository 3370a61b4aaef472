package dev.lookout.cli;

import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Command-line text to {@code Path}, with the reason when it cannot be one. The usual reason is the locale: Java
 * reads file names in the encoding of {@code LANG}/{@code LC_ALL}, so under the C or POSIX locale (ASCII) a name
 * with {@code é} arrives garbled and can never be opened, whatever the program does; the message says so and how
 * to run instead.
 */
final class PathArguments {

    private PathArguments() {
    }

    /** Registers the {@code Path} converter for every option and parameter of {@code commandLine}. */
    static void register(CommandLine commandLine) {
        commandLine.registerConverter(Path.class, text -> {
            String why = problem(text);
            if (why != null) {
                throw new TypeConversionException(why);
            }
            return Path.of(text);
        });
    }

    /** {@code text} as a path; a usage error naming {@code text} and the reason when it is none. */
    static Path of(String text) throws UsageException {
        String why = problem(text);
        if (why != null) {
            throw new UsageException(why);
        }
        return Path.of(text);
    }

    /** Why {@code text} is not a path, or null when it is one. */
    static String problem(String text) {
        try {
            Path.of(text);
            return null;
        } catch (InvalidPathException e) {
            return "'" + text + "' is not a usable file name: " + reason(e);
        }
    }

    private static String reason(InvalidPathException e) {
        String names = System.getProperty("sun.jnu.encoding", "");
        boolean utf8 = names.isEmpty() || Charset.isSupported(names) && Charset.forName(names).name().equals("UTF-8");
        if (!utf8) {
            return "this system's locale reads file names as " + names + ", which cannot hold its characters "
                    + "(LANG or LC_ALL is C or POSIX); run lookout under a UTF-8 locale, e.g. LC_ALL=C.UTF-8";
        }
        return e.getReason();
    }
}
