package dev.lookout.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntBiFunction;

/**
 * One {@code lookout ...} command line run in-process, with what it printed: the one way tests of every package run
 * the CLI ({@link #of}, or {@link #start} for a run the test acts on while it goes).
 */
public record CliRun(int exitCode, String out, String err) {

    /** Runs {@code Main.run(args)} capturing stdout and stderr. */
    public static CliRun of(String... args) {
        return run((o, e) -> Main.run(args, o, e));
    }

    /** Runs {@code lookout detect ARGS} with {@code command} (e.g. one with a shortened video), capturing output. */
    static CliRun of(DetectCommand command, String... args) {
        return run((o, e) -> command.run(args, o, e));
    }

    /** Starts {@code Main.run(args)} on its own thread (e.g. to drop the stream it reads while it runs). */
    public static Running start(String... args) {
        return new Running(args);
    }

    private static CliRun run(ToIntBiFunction<PrintStream, PrintStream> command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        return new CliRun(capture(command, out, err), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    private static int capture(ToIntBiFunction<PrintStream, PrintStream> command, ByteArrayOutputStream out,
            ByteArrayOutputStream err) {
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return command.applyAsInt(o, e);
        }
    }

    /** A command line running on its own thread; what it has printed so far can be read at any time. */
    public static final class Running {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final Thread thread;
        private volatile int exitCode = -1;

        private Running(String[] args) {
            thread = new Thread(() -> exitCode = capture((o, e) -> Main.run(args, o, e), out, err),
                    "lookout " + String.join(" ", args));
            thread.start();
        }

        /** The standard output printed so far. */
        public String outSoFar() {
            return out.toString(StandardCharsets.UTF_8);
        }

        /** Waits for the command to end; fails naming {@code what} (what should have ended it) after {@code limit}. */
        public CliRun finish(Duration limit, String what) throws InterruptedException {
            thread.join(limit.toMillis());
            if (thread.isAlive()) {
                throw new AssertionError("still running after " + limit.toSeconds() + " s: " + what
                        + "\n--- stderr so far\n" + err.toString(StandardCharsets.UTF_8));
            }
            return new CliRun(exitCode, outSoFar(), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** The stdout lines parsed as JSON objects. */
    public List<JsonNode> jsonLines() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                lines.add(mapper.readTree(line));
            }
        }
        return lines;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
