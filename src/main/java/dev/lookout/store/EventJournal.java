package dev.lookout.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.event.EventJson;
import dev.lookout.event.ObjectEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Where events wait when the database cannot take them because the disk is full: {@code lookout.journal}, a file
 * of fixed size made when the store opens (while there is room), so that writing it later needs no new space.
 *
 * <p>It holds the latest state of every event the database has not taken, written whole each time, alternately
 * into two halves with a sequence number and a checksum, so a crash mid-write leaves the previous copy readable.
 * The store replays it when it next opens and clears it once the database has the events. Events beyond its size
 * are not kept (the caller is told how many fit). One instance per open store; used by the writer thread only.
 */
final class EventJournal implements AutoCloseable {

    /** At most 4 MB: two halves of ~5,000 events each, about what the writer queues by default. */
    static final long MAX_BYTES = 4L << 20;

    /** At least 64 KB: ~80 events a half. */
    static final long MIN_BYTES = 64L << 10;

    /** The size for a disk with {@code usableBytes} free: an eighth of it, within the bounds above. */
    static long sizeFor(long usableBytes) {
        return Math.max(MIN_BYTES, Math.min(MAX_BYTES, usableBytes / 8));
    }

    private static final long MAGIC = 0x4c4b4a524e4c3031L; // "LKJRNL01"
    private static final int HEADER = 8 + 8 + 4 + 4; // magic, sequence, payload length, payload CRC32
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;
    private final long half;
    private long sequence;
    private boolean holdsEvents;

    private EventJournal(Path file, FileChannel channel, long half, long sequence, boolean holdsEvents) {
        this.file = file;
        this.channel = channel;
        this.half = half;
        this.sequence = sequence;
        this.holdsEvents = holdsEvents;
    }

    /**
     * Opens {@code file}, making it {@code bytes} long first if it is shorter (written with zeros, so the space is
     * really taken on the disk).
     *
     * @throws IOException when it cannot be made, e.g. the disk is already full; the message names the file
     */
    static EventJournal open(Path file, long bytes) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            long size = channel.size();
            if (size < bytes) {
                ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
                for (long at = size; at < bytes; at += zeros.capacity()) {
                    zeros.clear().limit((int) Math.min(zeros.capacity(), bytes - at));
                    while (zeros.hasRemaining()) {
                        channel.write(zeros, at + zeros.position());
                    }
                }
                channel.force(true);
                size = bytes;
            }
            Copy newest = newest(channel, size / 2);
            return new EventJournal(file, channel, size / 2, newest == null ? 0 : newest.sequence,
                    newest != null && !newest.payload.isEmpty());
        } catch (IOException e) {
            try {
                if (channel.size() < bytes) {
                    channel.truncate(0); // a journal that could not be made whole must not keep the space it took
                }
            } finally {
                channel.close();
            }
            throw new IOException("cannot make the event journal " + file + ": " + dev.lookout.Failures.reason(e), e);
        }
    }

    /** The events the journal holds (from a run that could not write them to the database), oldest write first. */
    List<ObjectEvent> events() throws IOException {
        Copy newest = newest(channel, half);
        List<ObjectEvent> events = new ArrayList<>();
        if (newest == null) {
            return events;
        }
        for (String line : newest.payload.split("\n")) {
            if (!line.isEmpty()) {
                events.add(EventJson.parseEvent(JSON.readTree(line)));
            }
        }
        return events;
    }

    /** True when the journal holds events that the database does not have yet. */
    boolean holdsEvents() {
        return holdsEvents;
    }

    /**
     * Replaces the journal's content with {@code events} (as many as fit, in order) and forces it to the disk.
     *
     * @return how many were written
     */
    int save(Collection<ObjectEvent> events) throws IOException {
        java.io.ByteArrayOutputStream payload = new java.io.ByteArrayOutputStream();
        int kept = 0;
        for (ObjectEvent e : events) {
            byte[] line = (JSON.writeValueAsString(EventJson.event(e)) + "\n").getBytes(StandardCharsets.UTF_8);
            if (HEADER + payload.size() + line.length > half) {
                break;
            }
            payload.write(line);
            kept++;
        }
        write(payload.toByteArray());
        holdsEvents = kept > 0;
        return kept;
    }

    /** Empties the journal: the database has every event it held. */
    void clear() throws IOException {
        if (holdsEvents) {
            write(new byte[0]);
            holdsEvents = false;
        }
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void write(byte[] payload) throws IOException {
        sequence++;
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + payload.length);
        buffer.putLong(MAGIC).putLong(sequence).putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
        long at = (sequence % 2) * half;
        while (buffer.hasRemaining()) {
            channel.write(buffer, at + buffer.position());
        }
        channel.force(false);
    }

    private record Copy(long sequence, String payload) {
    }

    /** The valid copy with the highest sequence number, or null when neither half holds one. */
    private static Copy newest(FileChannel channel, long half) throws IOException {
        Copy best = null;
        for (int slot = 0; slot < 2; slot++) {
            Copy copy = read(channel, slot * half, half);
            if (copy != null && (best == null || copy.sequence > best.sequence)) {
                best = copy;
            }
        }
        return best;
    }

    private static Copy read(FileChannel channel, long at, long half) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (header.hasRemaining() && channel.read(header, at + header.position()) > 0) {
            // read the whole header
        }
        if (header.hasRemaining() || header.flip().getLong() != MAGIC) {
            return null;
        }
        long sequence = header.getLong();
        int length = header.getInt();
        int expected = header.getInt();
        if (length < 0 || HEADER + (long) length > half) {
            return null;
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        while (payload.hasRemaining() && channel.read(payload, at + HEADER + payload.position()) > 0) {
            // read the whole payload
        }
        CRC32 crc = new CRC32();
        crc.update(payload.array(), 0, payload.position());
        if (payload.hasRemaining() || (int) crc.getValue() != expected) {
            return null; // torn by a crash mid-write: the other half holds the previous copy
        }
        return new Copy(sequence, new String(payload.array(), StandardCharsets.UTF_8));
    }
}
