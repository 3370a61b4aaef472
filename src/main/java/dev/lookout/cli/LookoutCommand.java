package dev.lookout.cli;

import picocli.AutoComplete;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The top of the command line: {@code lookout [command]}; the sub-commands are listed in the order of {@code --help}. */
@Command(name = "lookout", mixinStandardHelpOptions = true, versionProvider = LookoutCommand.Version.class,
        description = "Lookout: real-time Coco-SSD object detection for cameras, video files and streams.%n"
                + "With no command (or only options) it runs 'live'.",
        customSynopsis = "java -jar lookout.jar [command] [options]   "
                + "(no command: live)",
        commandListHeading = "%ncommands:%n", optionListHeading = "%noptions:%n",
        footer = "%nRun 'lookout COMMAND --help' for a command's options.",
        // one command a line, in the order of lookout --help
        subcommands = {
            LiveCommand.class,
            DetectCommand.class,
            TrackCommand.class,
            BenchCommand.class,
            ConvertCommand.class,
            QuantizeCommand.class,
            InspectCommand.class,
            RunCommand.class,
            CheckConfigCommand.class,
            EventsCommand.class,
            MonitorCommand.class,
            RemoteEventsCommand.class,
            AutoComplete.GenerateCompletion.class})
final class LookoutCommand implements Runnable {

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
