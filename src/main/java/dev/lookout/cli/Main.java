package dev.lookout.cli;

import dev.lookout.Failures;
import dev.lookout.capture.UrlRedaction;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of {@code java -jar lookout.jar [command] [options]}. With no command it starts the live window.
 * Every command's failure is turned into a one-line message and an exit code, never a stack trace.
 */
public final class Main {

    /** Exit code for a usage error (unknown command or option, missing argument). */
    public static final int EXIT_USAGE = 2;
    /** Exit code when some input could not be processed. */
    public static final int EXIT_FAILED = 1;

    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("--help", "-h", "--version", "-V");

    private Main() {
    }

    /** Runs the command line and exits the JVM with the command's exit code (unless it opened a window). */
    public static void main(String[] args) {
        // Java2D's XRender pipeline composites the translucent overlay on the X server: under Xvfb with GTK 3
        // installed the window showed ~100 of 290 frames of a 640x480 30 fps clip at ~120 ms, 276 of 282 at 26 ms
        // without it (docs/PERFORMANCE.md). Set before any AWT class loads; -Dsun.java2d.xrender=true brings it back.
        if (System.getProperty("sun.java2d.xrender") == null) {
            System.setProperty("sun.java2d.xrender", "false");
        }
        ArenaLimitedRelaunch.exitWithParent();
        if (ArenaLimitedRelaunch.wanted(args)) {
            var childCode = ArenaLimitedRelaunch.run(args);
            if (childCode.isPresent()) {
                System.exit(childCode.get());
            }
        }
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs a command line and returns its exit code, for the CLI and for tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String[] line = args.length == 0 || (args[0].startsWith("-") && !TOP_LEVEL_OPTIONS.contains(args[0]))
                ? prepend("live", args) : args;
        boolean one = LookoutCommand.COMMANDS.contains(line[0]) && !line[0].equals("generate-completion");
        CommandLine commandLine = commandLine(new LookoutCommand(), one ? List.of(line[0]) : null, out, err);
        if (!line[0].startsWith("-") && !LookoutCommand.COMMANDS.contains(line[0])) {
            List<String> close = similar(line[0], new java.util.HashSet<>(LookoutCommand.COMMANDS));
            err.println("lookout: unknown command '" + line[0] + "'"
                    + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?")
                    + " Run 'lookout --help' for the list of commands.");
            return EXIT_USAGE;
        }
        try {
            return commandLine.execute(line);
        } catch (LinkageError | RuntimeException e) {
            // picocli hands on Errors (a native library that cannot load): still one line, never a stack trace.
            err.println("lookout " + line[0] + ": " + Failures.describe(e.getCause() != null ? e.getCause() : e));
            return EXIT_FAILED;
        }
    }

    /**
     * Runs one command object (as tests build it, e.g. with a fake video opener) with {@code args}, handling
     * errors as the full command line does.
     */
    static int run(CliCommand command, String[] args, PrintStream out, PrintStream err) {
        return commandLine(command, out, err).execute(args);
    }

    /** The command line of {@code root} and all its sub-commands, writing to {@code out} and {@code err}. */
    static CommandLine commandLine(Object root, PrintStream out, PrintStream err) {
        return commandLine(root, null, out, err);
    }

    /**
     * The command line of {@code root}; for {@link LookoutCommand}, with the sub-commands named in {@code only}
     * (null: all). Sub-commands are added first: picocli's settings below reach only those already there.
     */
    static CommandLine commandLine(Object root, java.util.Collection<String> only, PrintStream out, PrintStream err) {
        CommandLine commandLine = new CommandLine(root);
        if (root instanceof LookoutCommand) {
            LookoutCommand.addSubcommands(commandLine, only);
        }
        NumberConverters.register(commandLine);
        PathArguments.register(commandLine);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        if (root instanceof LookoutCommand) {
            LookoutCommand.listCommandsFirst(commandLine);
        }
        streams(commandLine, out, err);
        commandLine.setParameterExceptionHandler((e, ignored) -> usageError(e, err));
        commandLine.setExecutionExceptionHandler((e, failed, parsed) -> {
            String name = prefix(failed);
            if (e instanceof UsageException) {
                err.println(name + UrlRedaction.redact(e.getMessage()));
                err.println(helpHint(failed));
                return EXIT_USAGE;
            }
            err.println(name + Failures.describe(e));
            return EXIT_FAILED;
        });
        return commandLine;
    }

    private static void streams(CommandLine commandLine, PrintStream out, PrintStream err) {
        if (commandLine.getCommand() instanceof CliCommand command) {
            command.streams(out, err);
        }
        commandLine.getSubcommands().values().forEach(sub -> streams(sub, out, err));
    }

    private static int usageError(ParameterException e, PrintStream err) {
        CommandLine failed = e.getCommandLine();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> unknown = unmatched.getUnmatched();
            String first = unknown.isEmpty() ? "?" : unknown.get(0);
            message = (first.startsWith("-") ? "unknown option '" : "unexpected argument '") + first + "'";
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += "; did you mean " + String.join(" or ", suggestions.subList(0,
                        Math.min(3, suggestions.size()))) + "?";
            }
        }
        if (e instanceof CommandLine.MissingParameterException) {
            message += " (usage: " + failed.getHelp().synopsis(0).strip() + ")";
        }
        err.println(prefix(failed) + UrlRedaction.redact(message));
        err.println(helpHint(failed));
        return EXIT_USAGE;
    }

    private static String prefix(CommandLine command) {
        return command.getParent() == null ? "lookout: " : "lookout " + command.getCommandName() + ": ";
    }

    private static String helpHint(CommandLine command) {
        return command.getParent() == null ? "Run 'lookout --help' for the list of commands."
                : "Run 'lookout " + command.getCommandName() + " --help' for its options.";
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** Command names within two edits of a mistyped one. */
    static List<String> similar(String typed, Set<String> names) {
        return names.stream().filter(n -> !n.startsWith("generate")).filter(n -> editDistance(typed, n) <= 2)
                .sorted().toList();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
