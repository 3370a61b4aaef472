package dev.lookout.cli;

import dev.lookout.OutputPaths;
import dev.lookout.OutputPaths.Kind;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The one check of a command's paths before it runs: no output is an input or another output, and no output is a
 * device or the wrong kind of thing. Outputs are the {@code Path} options and parameters marked {@link Writes} (and
 * the command's {@link CliCommand#outputs()}); every other {@code Path} option or parameter is an input, with the
 * command's {@link CliCommand#inputs()} (positional strings, the files of a folder).
 *
 * <p>Only outputs the user gave are checked for their kind and against each other (a default that this run does
 * not use must not fail it); defaulted files are checked against the inputs too (they are written when used).
 */
final class CommandPaths {

    /** A path with how the user names it ({@code --output}, {@code MODEL}, ...). */
    record Named(String label, Path path, Kind kind, boolean given) {
    }

    private CommandPaths() {
    }

    /** Checks {@code command}'s paths; the first problem is a usage error. */
    static void check(CliCommand command, CommandSpec spec) throws UsageException {
        List<Named> inputs = new ArrayList<>();
        List<Named> outputs = new ArrayList<>();
        ParseResult parsed = spec.commandLine().getParseResult();
        for (ArgSpec arg : spec.args()) {
            Writes writes = arg.userObject() instanceof Field field ? field.getAnnotation(Writes.class) : null;
            boolean given = parsed != null && parsed.matchedArgs().contains(arg);
            for (Path path : paths(arg.getValue())) {
                Named named = new Named(label(arg), path, writes == null ? null : writes.value(), given);
                (writes == null ? inputs : outputs).add(named);
            }
        }
        inputs.addAll(command.inputs());
        outputs.addAll(command.outputs());
        check(inputs, outputs);
    }

    /** Checks {@code outputs} against {@code inputs} and against each other. */
    static void check(List<Named> inputs, List<Named> outputs) throws UsageException {
        for (int i = 0; i < outputs.size(); i++) {
            Named output = outputs.get(i);
            if (output.given()) {
                String why = OutputPaths.unwritable(output.label(), output.path(), output.kind());
                if (why != null) {
                    throw new UsageException(why);
                }
            }
            for (Named input : output.given() || output.kind() == Kind.FILE ? inputs : List.<Named>of()) {
                if (OutputPaths.sameFile(output.path(), input.path())) {
                    throw new UsageException(output.label() + " " + output.path() + " is the input "
                            + (input.label().isEmpty() ? "" : input.label() + " ") + input.path()
                            + "; choose another " + (output.kind() == Kind.FOLDER ? "folder" : "file")
                            + ", so that no input is overwritten");
                }
            }
            for (Named other : outputs.subList(0, i)) {
                boolean bothFolders = output.kind() == Kind.FOLDER && other.kind() == Kind.FOLDER;
                if (!bothFolders && output.given() && other.given()
                        && OutputPaths.sameFile(output.path(), other.path())) {
                    throw new UsageException(output.label() + " and " + other.label() + " are both "
                            + output.path() + "; give each its own " + (output.kind() == Kind.FOLDER ? "folder" : "file"));
                }
            }
        }
    }

    private static List<Path> paths(Object value) {
        if (value instanceof Path path) {
            return List.of(path);
        }
        List<Path> paths = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            for (Object v : values) {
                if (v instanceof Path path) {
                    paths.add(path);
                }
            }
        }
        return paths;
    }

    private static String label(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return option.longestName();
        }
        return arg instanceof PositionalParamSpec positional ? positional.paramLabel() : "";
    }
}
