package dev.lookout.cli;

import picocli.AutoComplete;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The top of the command line: {@code lookout [command]}. The sub-commands are {@link #COMMANDS}, in the order of
 * {@code --help}, and not in the annotation: picocli would then build every command's model (reflecting over each
 * one's options, mixins and their types) before any runs, which cost a light command such as {@code events} a few
 * hundred milliseconds of a run that should take well under a second. {@link #addSubcommands} adds the one a command
 * line names, or all of them where all are wanted (the list of commands, completion, an unknown name).
 */
@Command(name = "lookout", mixinStandardHelpOptions = true, versionProvider = LookoutCommand.Version.class,
        description = "Lookout: real-time Coco-SSD object detection for cameras, video files and streams.%n"
                + "With no command (or only options) it runs 'live'.",
        customSynopsis = "java -jar lookout.jar [command] [options]   "
                + "(no command: live)",
        commandListHeading = "%ncommands:%n", optionListHeading = "%noptions:%n",
        footer = "%nRun 'lookout COMMAND --help' for a command's options.")
final class LookoutCommand implements Runnable {

    /** Every sub-command's name, in the order of {@code lookout --help}. */
    static final List<String> COMMANDS = List.of("live", "detect", "track", "bench", "convert", "quantize", "inspect",
            "run", "check-config", "events", "counts", "monitor", "remote-events", "generate-completion");

    /** A new sub-command object; a switch, so that no other command's class is even loaded. */
    private static Object make(String name) {
        return switch (name) {
            case "live" -> new LiveCommand();
            case "detect" -> new DetectCommand();
            case "track" -> new TrackCommand();
            case "bench" -> new BenchCommand();
            case "convert" -> new ConvertCommand();
            case "quantize" -> new QuantizeCommand();
            case "inspect" -> new InspectCommand();
            case "run" -> new RunCommand();
            case "check-config" -> new CheckConfigCommand();
            case "events" -> new EventsCommand();
            case "counts" -> new CountsCommand();
            case "monitor" -> new MonitorCommand();
            case "remote-events" -> new RemoteEventsCommand();
            case "generate-completion" -> new AutoComplete.GenerateCompletion();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    /**
     * Adds the sub-commands named in {@code names} to {@code commandLine} (this command's), in the order of
     * {@link #COMMANDS}; null adds all of them.
     */
    static void addSubcommands(CommandLine commandLine, Collection<String> names) {
        for (String name : COMMANDS) {
            if (names == null || names.contains(name)) {
                commandLine.addSubcommand(name, make(name));
            }
        }
    }

    /** {@code lookout --help} lists the commands before its two options (this command's help only). */
    static void listCommandsFirst(CommandLine commandLine) {
        UsageMessageSpec usage = commandLine.getCommandSpec().usageMessage();
        List<String> keys = new ArrayList<>(usage.sectionKeys());
        keys.removeAll(List.of(UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING,
                UsageMessageSpec.SECTION_KEY_COMMAND_LIST));
        int options = keys.indexOf(UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING);
        keys.addAll(options, List.of(UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING,
                UsageMessageSpec.SECTION_KEY_COMMAND_LIST));
        usage.sectionKeys(keys);
    }

    @Override
    public void run() {
        // Main always names a sub-command (live by default); nothing to do on its own.
    }

    /** {@code --version}: the jar's implementation version, and the Java runtime. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = LookoutCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Lookout " + (version != null ? version : "(development build)"),
                "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch")};
        }
    }
}
