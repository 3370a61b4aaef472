package dev.lookout.cli;

import java.io.PrintStream;

/** One sub-command of the {@code lookout} command line: {@code convert}, {@code detect}, {@code live}, ... */
public interface Command {

    /** The word that selects this command on the command line. */
    String name();

    /** A one-line summary shown by {@code lookout --help}. */
    String summary();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name
     * @param out where results go (JSON lines, reports)
     * @param err where progress, warnings and errors go
     * @return the process exit code: 0 success, 1 failed input, 2 usage error
     */
    int run(String[] args, PrintStream out, PrintStream err) throws Exception;
}
