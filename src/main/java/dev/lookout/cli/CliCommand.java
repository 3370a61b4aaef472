package dev.lookout.cli;

import dev.lookout.capture.UrlRedaction;
import java.io.PrintStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.List;
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
        CommandPaths.check(this, spec);
        return run();
    }

    /**
     * What this run reads besides its {@code Path} options and parameters (which {@link CommandPaths} finds
     * itself): files named by string arguments, the files of a folder it reads.
     */
    List<CommandPaths.Named> inputs() throws UsageException {
        return List.of();
    }

    /** What this run writes besides its {@link Writes} options, e.g. a path given as part of a string option. */
    List<CommandPaths.Named> outputs() throws UsageException {
        return List.of();
    }

    /**
     * The files of a TF.js model: everything in {@code modelPath}'s folder ({@code modelPath} itself when it is a
     * folder), where model.json and its weight shards lie.
     */
    static List<CommandPaths.Named> modelFolderFiles(String label, Path modelPath) throws UsageException {
        Path folder = Files.isDirectory(modelPath) ? modelPath : modelPath.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(f -> input(label, f)).toList();
        } catch (IOException e) {
            return List.of(); // an unreadable model folder fails when it is read, with its own message
        }
    }

    /** An input named {@code label} (empty: named by its path alone). */
    static CommandPaths.Named input(String label, Path path) {
        return new CommandPaths.Named(label, path, null, true);
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
