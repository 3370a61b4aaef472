package dev.lookout.record;

import dev.lookout.Failures;
import dev.lookout.capture.Frame;
import dev.lookout.capture.MatImages;
import dev.lookout.capture.OpenCv;
import dev.lookout.detect.Detection;
import dev.lookout.overlay.DetectionPainter;
import dev.lookout.overlay.OverlayPainter;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Records video with the detections burnt in, drawn by the same {@link OverlayPainter} as the live overlay.
 *
 * <p>Frames are shared with the recorder (see {@link Frame}): it copies each into a bounded queue and encodes it
 * on its own thread, so the caller (capture or detection loop) never waits for the disk: {@link #offer} drops and
 * counts a frame when the queue is full, while {@link #put} waits for room, for offline annotation where nothing
 * may be lost. Each frame keeps its own
 * {@link Frame#timestampMicros()} as presentation time, so a live source's real timing is preserved.
 *
 * <p>Files: fragmented MP4 (H.264 when the bundled FFmpeg has an encoder for it, else MPEG-4 Part 2; MJPG AVI via
 * OpenCV only if FFmpeg is unusable), written directly under the final name. The name is claimed atomically, so
 * an existing file is never overwritten, and because every ~1 s fragment is complete on disk, the file is
 * playable at any moment: a killed process loses at most about the last second. Closing, Ctrl+C and SIGTERM
 * finalize the file (a JVM shutdown hook closes recorders still open). A write failure (disk full, folder
 * removed) stops the recording, tells the {@link RecorderListener}, and leaves the part written playable.
 */
public final class AnnotatedRecorder implements AutoCloseable {

    /** Default memory for frames waiting to be encoded: about 2 s of 1080p, 15 s of 768×576 at 10 fps. */
    public static final long DEFAULT_QUEUE_BYTES = 256L << 20;

    private final Path path;
    private final VideoCodec requestedCodec;
    private final double frameRate;
    private final boolean live;
    private final OverlayPainter painter;
    private final long queueBytes;
    private final RecorderListener listener;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean closing;
    private final CompletableFuture<RecordingSummary> finished = new CompletableFuture<>();

    private volatile boolean accepting = true;
    private volatile String failure;
    private volatile String format;
    private final AtomicLong framesDropped = new AtomicLong();
    private volatile long framesWritten;

    // Writer-thread state.
    private VideoSink sink;
    private BufferedImage canvas;
    private long firstTimestampMicros = Long.MIN_VALUE;
    private long lastTimestampMicros;

    private record Job(Frame frame, List<Detection> detections, long bytes) {
    }

    private AnnotatedRecorder(Builder b, Path path, VideoCodec codec) {
        this.path = path;
        this.requestedCodec = codec;
        this.frameRate = b.frameRate;
        this.live = b.live;
        this.painter = b.painter;
        this.queueBytes = b.queueBytes;
        this.listener = b.listener;
        this.format = codec.description();
    }

    /** A recording into exactly {@code file} (its extension set to the codec's; {@code -2}... if it exists). */
    public static Builder toFile(Path file) {
        return new Builder(Objects.requireNonNull(file), null);
    }

    /** A recording into {@code folder} named {@code lookout-YYYYMMDD-HHMMSS.mp4} (unique if that exists). */
    public static Builder inFolder(Path folder) {
        return new Builder(null, Objects.requireNonNull(folder));
    }

    /** The file being written. */
    public Path path() {
        return path;
    }

    /** Container and codec, e.g. {@code MP4 / H.264 (libopenh264)}. */
    public String format() {
        return format;
    }

    /** True until the recording is closed or has failed. */
    public boolean isRecording() {
        return accepting;
    }

    /** Why the recording stopped early, or {@code null}. */
    public String failure() {
        return failure;
    }

    /** Frames encoded so far. */
    public long framesWritten() {
        return framesWritten;
    }

    /** Frames refused so far because the writer could not keep up or had stopped. */
    public long framesDropped() {
        return framesDropped.get();
    }

    /**
     * Queues a copy of the shared {@code frame} with its detections, never blocking: when the queue is full (the
     * disk or encoder is slower than the source) or the recording has stopped, the frame is dropped and counted.
     *
     * @return true if the frame was queued
     */
    public boolean offer(Frame frame, List<Detection> detections) {
        long bytes = frameBytes(frame);
        lock.lock();
        try {
            if (!accepting || (queuedBytes + bytes > queueBytes && !queue.isEmpty())) {
                framesDropped.incrementAndGet();
                return false;
            }
            enqueue(frame.copy(), detections, bytes);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues a copy of the shared {@code frame}, waiting for room: for offline annotation, where every frame must
     * be recorded and the source can wait.
     *
     * @return true if queued, false if the recording has stopped (failed or closed)
     */
    public boolean put(Frame frame, List<Detection> detections) throws InterruptedException {
        long bytes = frameBytes(frame);
        lock.lock();
        try {
            while (accepting && queuedBytes + bytes > queueBytes && !queue.isEmpty()) {
                notFull.await();
            }
            if (!accepting) {
                framesDropped.incrementAndGet();
                return false;
            }
            enqueue(frame.copy(), detections, bytes);
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(Frame ownedFrame, List<Detection> detections, long bytes) {
        queue.addLast(new Job(ownedFrame, List.copyOf(detections), bytes));
        queuedBytes += bytes;
        notEmpty.signal();
    }

    private static long frameBytes(Frame frame) {
        return (long) frame.width() * frame.height() * 3;
    }

    /**
     * Stops accepting frames and finishes in the background: the queued frames are encoded, the file is
     * finalized. Never blocks; idempotent.
     */
    public CompletableFuture<RecordingSummary> finishAsync() {
        lock.lock();
        try {
            accepting = false;
            closing = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
        return finished;
    }

    /** Finishes (see {@link #finishAsync()}) and waits until the file is final; returns how it went. */
    public RecordingSummary finish() {
        try {
            return finishAsync().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return summary();
        } catch (ExecutionException e) {
            throw new IllegalStateException("recorder thread failed", e.getCause());
        }
    }

    /** Like {@link #finish()} but waits at most {@code timeoutMillis}; null if not finished in time. */
    public RecordingSummary finish(long timeoutMillis) throws InterruptedException {
        try {
            return finishAsync().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("recorder thread failed", e.getCause());
        }
    }

    /** Finishes and waits for the file to be final; idempotent. */
    @Override
    public void close() {
        finish();
    }

    private void writerLoop() {
        try {
            while (true) {
                Job job;
                lock.lock();
                try {
                    while (queue.isEmpty() && !closing) {
                        notEmpty.awaitUninterruptibly();
                    }
                    job = queue.pollFirst();
                    if (job == null) {
                        break;
                    }
                    queuedBytes -= job.bytes();
                    notFull.signalAll();
                } finally {
                    lock.unlock();
                }
                try (Frame frame = job.frame()) {
                    if (failure == null) {
                        encode(frame, job.detections());
                    } else {
                        framesDropped.incrementAndGet();
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            fail("recording stopped: " + Failures.describe(e));
        } finally {
            discardQueue();
            closeSink();
            RecordingSummary summary = summary();
            if (framesWritten == 0) {
                deleteEmptyFile();
            }
            OpenRecorders.remove(this);
            try {
                listener.recordingFinished(this, summary);
            } finally {
                finished.complete(summary);
            }
        }
    }

    private void encode(Frame frame, List<Detection> detections) {
        Mat image = frame.image();
        try {
            if (sink == null) {
                sink = openSink(image.cols(), image.rows());
                if (sink == null) {
                    return;
                }
            }
            Mat scaled = null;
            try {
                if (image.cols() != canvas.getWidth() || image.rows() != canvas.getHeight()) {
                    // The source changed resolution mid-recording: keep the file's size.
                    scaled = new Mat();
                    Imgproc.resize(image, scaled, new Size(canvas.getWidth(), canvas.getHeight()));
                }
                MatImages.toBufferedImage(scaled != null ? scaled : image, canvas);
            } finally {
                if (scaled != null) {
                    OpenCv.release(scaled);
                }
            }
            if (!detections.isEmpty()) {
                Graphics2D g = canvas.createGraphics();
                try {
                    if (scaled != null) {
                        g.scale(canvas.getWidth() / (double) image.cols(), canvas.getHeight() / (double) image.rows());
                    }
                    painter.paint(g, detections, image.cols(), image.rows());
                } finally {
                    g.dispose();
                }
            }
            if (firstTimestampMicros == Long.MIN_VALUE) {
                firstTimestampMicros = frame.timestampMicros();
            }
            long pts = Math.max(0, frame.timestampMicros() - firstTimestampMicros);
            sink.write(canvas, pts);
            lastTimestampMicros = pts;
            framesWritten++;
            if (framesWritten == 1) {
                listener.recordingStarted(this);
            }
        } catch (IOException e) {
            framesDropped.incrementAndGet();
            fail("recording stopped: " + e.getMessage() + " (the " + framesWritten
                    + " frames written before stay playable)");
        }
    }

    private VideoSink openSink(int width, int height) {
        OpenCv.load();
        canvas = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        if (requestedCodec == VideoCodec.MJPEG_AVI) {
            try {
                return MjpegAviSink.open(path, width, height, frameRate);
            } catch (IOException e) {
                fail("cannot start recording: " + e.getMessage());
                return null;
            }
        }
        String lastError = null;
        // If the preferred encoder refuses this size or rate, the next MP4 encoder still gives a recording.
        for (VideoCodec codec : requestedCodec.withMp4Fallbacks()) {
            if (!codec.available()) {
                continue;
            }
            try {
                VideoSink opened = FfmpegMp4Sink.open(path, codec, width, height, frameRate, !live);
                format = opened.format();
                return opened;
            } catch (IOException e) {
                lastError = e.getMessage();
            } catch (LinkageError e) {
                lastError = "FFmpeg cannot be loaded: " + Failures.describe(e);
                break;
            }
        }
        fail("cannot start recording to " + path + ": " + lastError);
        return null;
    }

    private void fail(String message) {
        if (failure != null) {
            return;
        }
        failure = message;
        accepting = false;
        lock.lock();
        try {
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
        closeSink();
        listener.recordingFailed(this, message);
    }

    private void closeSink() {
        if (sink == null) {
            return;
        }
        try {
            sink.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = "cannot finish " + path + ": " + e.getMessage();
                listener.recordingFailed(this, failure);
            }
        } finally {
            sink = null;
        }
    }

    /** Releases frames still queued when the writer stops early, so no native memory is left behind. */
    private void discardQueue() {
        lock.lock();
        try {
            accepting = false;
            Job job;
            while ((job = queue.pollFirst()) != null) {
                job.frame().close();
                framesDropped.incrementAndGet();
            }
            queuedBytes = 0;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void deleteEmptyFile() {
        try {
            if (Files.exists(path) && Files.size(path) == 0) {
                Files.delete(path);
            }
        } catch (IOException e) {
            // An empty file left behind is harmless.
        }
    }

    private RecordingSummary summary() {
        return new RecordingSummary(path, format, framesWritten, framesDropped.get(),
                framesWritten > 0 ? lastTimestampMicros : 0, failure);
    }

    /** Settings of a recording; {@link #start()} claims the file name and starts the writer thread. */
    public static final class Builder {
        private final Path file;
        private final Path folder;
        private double frameRate;
        private boolean live;
        private VideoCodec codec;
        private OverlayPainter painter = new DetectionPainter();
        private long queueBytes = DEFAULT_QUEUE_BYTES;
        private RecorderListener listener = new RecorderListener() {
        };

        private Builder(Path file, Path folder) {
            this.file = file;
            this.folder = folder;
        }

        /** The source's nominal frame rate (0: unknown, 30 is assumed for rate control). */
        public Builder frameRate(double value) {
            this.frameRate = value;
            return this;
        }

        /** True for cameras and streams: their irregular real timing is kept to the millisecond. */
        public Builder live(boolean value) {
            this.live = value;
            return this;
        }

        /** Forces a codec; by default the best available ({@link VideoCodec#best()}). */
        public Builder codec(VideoCodec value) {
            this.codec = value;
            return this;
        }

        /** What draws the detections; by default the {@link DetectionPainter} the live overlay uses. */
        public Builder painter(OverlayPainter value) {
            this.painter = Objects.requireNonNull(value);
            return this;
        }

        /** Memory for frames waiting to be encoded (at least one frame is always accepted). */
        public Builder queueBytes(long value) {
            this.queueBytes = value;
            return this;
        }

        /** Who hears about start, failure and end. */
        public Builder listener(RecorderListener value) {
            this.listener = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Claims the file and starts the writer thread.
         *
         * @throws IOException when the folder cannot be created or written, with a message naming it
         */
        public AnnotatedRecorder start() throws IOException {
            VideoCodec chosen = codec != null ? codec : VideoCodec.best();
            Path claimed = file != null
                    ? OutputFiles.claimFile(OutputFiles.withExtension(file, chosen.extension()))
                    : Path.of(OutputFiles.claim(folder, OutputFiles.recordingBaseName(ZonedDateTime.now()),
                            List.of(chosen.extension())) + chosen.extension());
            AnnotatedRecorder recorder = new AnnotatedRecorder(this, claimed, chosen);
            OpenRecorders.add(recorder);
            Thread writer = new Thread(recorder::writerLoop, "lookout-recorder-" + claimed.getFileName());
            // Daemon: a forgotten recorder must not keep the JVM alive; the shutdown hook still finalizes it.
            writer.setDaemon(true);
            writer.start();
            return recorder;
        }
    }
}
