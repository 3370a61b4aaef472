package dev.lookout.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code java -jar lookout.jar [command] [options]}. With no command it starts the live window.
 * Every command's failure is turned into a one-line message and an exit code, never a stack trace.
 */
public final class Main {

    /** Exit code for a usage error (unknown command or option, missing argument). */
    public static final int EXIT_USAGE = 2;
    /** Exit code when some input could not be processed. */
    public static final int EXIT_FAILED = 1;

    private Main() {
    }

    /** The commands in the order {@code --help} lists them. */
    static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        for (Command c : List.<Command>of(
                // one line per command; keep 'live' (the default) first once it exists
                new LiveCommand(),
                new ConvertCommand(),
                new InspectCommand(),
                new DetectCommand(),
                new BenchCommand()
                )) {
            commands.put(c.name(), c);
        }
        return commands;
    }

    /** Runs the command line and exits the JVM with the command's exit code (unless it opened a window). */
    public static void main(String[] args) {
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
        Map<String, Command> commands = commands();
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            printHelp(commands, out);
            return 0;
        }
        String name = args.length > 0 && !args[0].startsWith("-") ? args[0] : "live";
        String[] rest = args.length > 0 && !args[0].startsWith("-") ? Arrays.copyOfRange(args, 1, args.length) : args;
        Command command = commands.get(name);
        if (command == null) {
            err.println("lookout: unknown command '" + name + "'. Run 'lookout --help' for the list of commands.");
            return EXIT_USAGE;
        }
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            err.println("lookout " + name + ": " + e.getMessage());
            err.println("Run 'lookout " + name + " --help' for its options.");
            return EXIT_USAGE;
        } catch (Exception | LinkageError e) {
            err.println("lookout " + name + ": " + describe(e));
            return EXIT_FAILED;
        }
    }

    /** A one-line description of an unexpected failure: its message, or its type when it has none. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static void printHelp(Map<String, Command> commands, PrintStream out) {
        out.println("Lookout: real-time Coco-SSD object detection for cameras, video files and streams.");
        out.println();
        out.println("usage: java -jar target/lookout.jar [command] [options]   (no command: live)");
        out.println();
        out.println("commands:");
        for (Command c : commands.values()) {
            out.printf("  %-9s %s%n", c.name(), c.summary());
        }
        out.println();
        out.println("Run 'lookout COMMAND --help' for a command's options.");
    }
}
