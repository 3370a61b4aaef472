package dev.lookout.cli;

import dev.lookout.Failures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code detect} writes its JSON lines: standard output, or {@code --output FILE}. A file is created (and an
 * existing one replaced) only when the first line is ready, so a run that produces nothing leaves it as it was.
 * The first failed write ends the run: {@link #write} throws {@link Failed} with the system's reason, so that a
 * full disk or a closed pipe ({@code | head -1}) stops the work at once instead of after the whole input.
 */
final class ResultLines implements AutoCloseable {

    /** A write of the results failed; the message names the target and the reason. */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    private final PrintStream stdout;
    private final Path file;
    private OutputStream opened;

    private ResultLines(PrintStream stdout, Path file) {
        this.stdout = stdout;
        this.file = file;
    }

    /** Lines to {@code out}. */
    static ResultLines to(PrintStream out) {
        return new ResultLines(out, null);
    }

    /**
     * Lines to {@code file}, opened at the first line. A folder, or a file whose folder is missing, is refused at
     * once.
     *
     * @throws Failed when the file can never be written
     */
    static ResultLines toFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new Failed("cannot write --output " + file + ": Is a directory");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new Failed("cannot write --output " + file + ": its folder does not exist");
        }
        return new ResultLines(null, file);
    }

    /** Writes one line and flushes it. */
    void write(String line) {
        if (file == null) {
            stdout.println(line);
            stdout.flush();
            if (stdout.checkError()) {
                throw new Failed("cannot write to standard output (it was closed, e.g. by '| head'); stopped");
            }
            return;
        }
        try {
            if (opened == null) {
                opened = Files.newOutputStream(file);
            }
            opened.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            opened.flush();
        } catch (IOException e) {
            throw new Failed("cannot write --output " + file + ": " + Failures.reason(e));
        }
    }

    @Override
    public void close() {
        if (opened != null) {
            try {
                opened.close();
            } catch (IOException e) {
                throw new Failed("cannot write --output " + file + ": " + Failures.reason(e));
            } finally {
                opened = null;
            }
        }
    }
}
