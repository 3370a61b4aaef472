package dev.lookout.cli;

import dev.lookout.config.ConfigException;
import dev.lookout.config.ConfigFile;
import dev.lookout.config.ConfigProblem;
import dev.lookout.config.ConfigSummary;
import dev.lookout.config.LookoutConfig;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lookout check-config FILE}: checks a {@code lookout.yml} without starting anything. Prints a summary and
 * exits 0, or prints every problem as {@code FILE:LINE:COL: message} on stderr and exits 2 (as for a missing or
 * unreadable file).
 */
@Command(name = "check-config", mixinStandardHelpOptions = true, versionProvider = LookoutCommand.Version.class,
        description = "Check a configuration file (lookout.yml): every problem with its line and column, "
                + "or a summary of the cameras. See docs/CONFIG.md.")
final class CheckConfigCommand extends CliCommand {

    /** The exit code of a file that cannot be used: the same as a usage error. */
    static final int EXIT_BAD_CONFIG = Main.EXIT_USAGE;

    @Parameters(paramLabel = "FILE", description = "the configuration file, e.g. lookout.yml")
    Path file;

    @Override
    int run() {
        LookoutConfig config;
        try {
            config = ConfigFile.load(file);
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                err.println(p);
            }
            return EXIT_BAD_CONFIG;
        } catch (IOException e) {
            problem(e.getMessage());
            return EXIT_BAD_CONFIG;
        }
        ConfigSummary.lines(config, file).forEach(out::println);
        return 0;
    }
}
