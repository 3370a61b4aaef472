package dev.lookout.live;

import dev.lookout.Failures;
import dev.lookout.event.EventChange;
import dev.lookout.event.EventJson;
import dev.lookout.event.EventSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Object events appended to a JSON-lines file ({@link EventJson#line}) by a thread of its own, so the tracking
 * thread never waits on the disk: changes wait in a bounded queue ({@value #CAPACITY}); when the disk cannot keep
 * up, further changes are dropped and the drop is reported once. A write failure is reported once and stops the
 * log. {@link #close()} writes what is queued, then closes the file.
 */
final class EventLogFile implements EventSink, AutoCloseable {

    static final int CAPACITY = 1024;

    private final Path file;
    private final Consumer<String> problems;
    private final BlockingQueue<EventChange> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread writer;
    private volatile boolean closing;
    private volatile boolean failed;
    private volatile boolean dropReported;

    /** @param problems told once about a write failure or dropped changes (on any thread) */
    EventLogFile(Path file, Consumer<String> problems) {
        this.file = file;
        this.problems = problems;
        this.writer = new Thread(this::run, "lookout-event-log");
        writer.setDaemon(false); // an exit waits for the last lines
        writer.start();
    }

    @Override
    public void onEvent(EventChange change) {
        if (failed || closing) {
            return;
        }
        if (!queue.offer(change) && !dropReported) {
            dropReported = true;
            problems.accept("the event log " + file + " cannot keep up; some event lines were dropped");
        }
    }

    private void run() {
        try (BufferedWriter out = open()) {
            while (!(closing && queue.isEmpty())) {
                EventChange c = queue.poll(100, TimeUnit.MILLISECONDS);
                if (c != null) {
                    out.write(EventJson.line(c));
                    out.newLine();
                    if (queue.isEmpty()) {
                        out.flush();
                    }
                }
            }
        } catch (IOException e) {
            failed = true;
            problems.accept("cannot write the event log " + file + ": " + Failures.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private BufferedWriter open() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Writes what is queued and closes the file (waits up to 5 s). */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
