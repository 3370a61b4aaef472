package dev.lookout.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One {@code lookout ...} command line run in-process, with what it printed. */
public record CliRun(int exitCode, String out, String err) {

    /** Runs {@code Main.run(args)} capturing stdout and stderr. */
    public static CliRun of(String... args) {
        return run((o, e) -> Main.run(args, o, e));
    }

    /** Runs {@code lookout detect ARGS} with {@code command} (e.g. one with a shortened video), capturing output. */
    static CliRun of(DetectCommand command, String... args) {
        return run((o, e) -> command.run(args, o, e));
    }

    private static CliRun run(java.util.function.ToIntBiFunction<PrintStream, PrintStream> command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = command.applyAsInt(o, e);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The stdout lines parsed as JSON objects. */
    List<JsonNode> jsonLines() throws IOException {
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
