package dev.lookout.cli;

import dev.lookout.capture.UrlRedaction;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code lookout} sub-command shares: the streams it writes to (results on {@code out}; progress,
 * warnings and errors on {@code err}) and its exit codes (0 success, 1 some input failed, 2 usage error).
 * Options are picocli fields of the sub-class; {@link Main} sets the streams before picocli calls {@link #call}.
 */
abstract class CliCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    PrintStream out = System.out;
    PrintStream err = System.err;

    /** Directs the command's output; called by {@link Main} before the command runs. */
    final void streams(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public final Integer call() throws Exception {
        return run();
    }

    /** Runs the command with its parsed options and returns the exit code. */
    abstract int run() throws Exception;

    /** The command's name, as typed: {@code detect}, {@code live}, ... */
    final String name() {
        return spec.name();
    }

    /** Writes {@code lookout NAME: message} on stderr, with every URL credential in it masked. */
    final void problem(String message) {
        err.println("lookout " + name() + ": " + UrlRedaction.redact(message));
    }
}
