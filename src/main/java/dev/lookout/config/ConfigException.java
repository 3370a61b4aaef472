package dev.lookout.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file that cannot be used, with every problem found in it (not just the first), each with its
 * line and column. The message is those problems, one per line.
 */
public final class ConfigException extends Exception {

    private final transient List<ConfigProblem> problems;

    /** Creates the exception; {@code problems} must not be empty. */
    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a configuration exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** The problems in file order. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
