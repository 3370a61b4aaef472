package dev.lookout.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Frames from anything FFmpeg opens: video files (mp4/H.264, avi MPEG-4 and msmpeg4, mkv, MJPEG, ...) and network
 * streams ({@code rtsp://}, {@code http(s)://} MJPEG and HLS, {@code udp://}, {@code srt://}, ...), decoded by the
 * FFmpeg natives bundled with javacv into BGR {@code Mat}s.
 *
 * <p>Files carry their presentation time as timestamp; network streams count time since opening. Network reads
 * and opens give up after the network timeout, so a dead server ends the stream instead of hanging the reader;
 * RTSP is tried over TCP first (it passes NATs and firewalls and loses no packets) and over FFmpeg's default
 * transports (UDP, then TCP) when the server refuses TCP. Streams are read by {@link FfmpegStreamInput} under a
 * {@link StreamGuard}: opening ends within the network timeout whatever the server sends, and at most
 * max(32 MB, 16 frames) is read between two frames, so a camera that sends a part without end costs an error,
 * not the process's memory. Files are read by javacv's grabber.
 */
public final class FfmpegFrameSource implements FrameSource {

    private static final Pattern URL_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*", Pattern.DOTALL);
    // container frame rates beyond this are time bases, not rates (MJPEG over HTTP reports 90000)
    private static final double MAX_PLAUSIBLE_FPS = 1000;

    private final FFmpegFrameGrabber grabber; // files
    private final FfmpegStreamInput input;    // network streams
    private final StreamGuard guard;          // ... and the limits they are read under
    private final String description;
    private final boolean live;
    private final double frameRate;
    private final long openedNanos;
    private final long stallLimitNanos;
    private long nextIndex;
    private boolean ended;
    private volatile boolean closed;

    private FfmpegFrameSource(FFmpegFrameGrabber grabber, String description, boolean live, Duration timeout) {
        this(grabber, null, null, description, live, timeout, grabber.getVideoFrameRate());
    }

    private FfmpegFrameSource(FfmpegStreamInput input, StreamGuard guard, String description, Duration timeout) {
        this(null, input, guard, description, true, timeout, input.frameRate());
    }

    private FfmpegFrameSource(FFmpegFrameGrabber grabber, FfmpegStreamInput input, StreamGuard guard,
            String description, boolean live, Duration timeout, double rate) {
        this.grabber = grabber;
        this.input = input;
        this.guard = guard;
        this.stallLimitNanos = timeout == null ? 0 : timeout.toNanos();
        this.description = description;
        this.live = live;
        this.frameRate = Double.isFinite(rate) && rate > 0 && rate < MAX_PLAUSIBLE_FPS ? rate : 0;
        this.openedNanos = System.nanoTime();
    }

    /**
     * Failures after which another RTSP transport cannot help: nobody there, or the server said no. In a holder
     * because reading avutil's constants loads the FFmpeg natives: this class's own initialization must stay free
     * of them, so that {@link #isUrl} (the configuration reader, {@code lookout events --config}) costs nothing.
     */
    private static final class FinalRtspErrors {
        static final Set<Integer> CODES = Set.of(-111, -110, -113, -101, -5,
                avutil.AVERROR_HTTP_UNAUTHORIZED, avutil.AVERROR_HTTP_FORBIDDEN, avutil.AVERROR_HTTP_NOT_FOUND,
                avutil.AVERROR_STREAM_NOT_FOUND, avutil.AVERROR_EXIT);
    }

    /** True if {@code location} is a URL that FFmpeg opens over the network (any scheme but {@code file}). */
    public static boolean isUrl(String location) {
        return location != null && URL_SCHEME.matcher(location).matches()
                && !location.regionMatches(true, 0, "file:", 0, 5);
    }

    /** Opens a video file. */
    public static FfmpegFrameSource openFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("no such file: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a folder, not a video file");
        }
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read " + file + ": permission denied");
        }
        try {
            return start(file.toString(), file.toString());
        } catch (IOException e) {
            throw new IOException("cannot read " + file + " as a video: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a network stream.
     *
     * @param url any URL FFmpeg knows; credentials in it never appear in messages or {@link #description()}
     * @param networkTimeout how long opening, and later each read, may stall before failing (FFmpeg's socket
     *     timeout is half of it, see the body)
     */
    public static FfmpegFrameSource openUrl(String url, Duration networkTimeout) throws IOException {
        String safe = UrlRedaction.redact(url);
        long started = System.nanoTime();
        // each of FFmpeg's socket waits gets half the budget (connecting, then the answer), and the stream's
        // guard ends the open as a whole when the budget is spent, whatever the server sends meanwhile
        Duration socketTimeout = networkTimeout.dividedBy(2);
        try {
            if (url.regionMatches(true, 0, "rtsp", 0, 4)) {
                try {
                    return startStream(url, safe, networkTimeout, networkTimeout, "tcp");
                } catch (IOException overTcp) {
                    boolean budgetLeft = System.nanoTime() - started < socketTimeout.toNanos();
                    if (!budgetLeft || overTcp instanceof StreamGuard.Tripped
                            || FinalRtspErrors.CODES.contains(Ffmpeg.errorCodeIn(overTcp.getMessage()))) {
                        throw overTcp; // a server that answered nothing over TCP gets no second try
                    }
                    try {
                        Duration left = networkTimeout.minusNanos(System.nanoTime() - started);
                        return startStream(url, safe, networkTimeout, left, null);
                    } catch (IOException anyTransport) {
                        anyTransport.addSuppressed(overTcp);
                        throw anyTransport;
                    }
                }
            }
            return startStream(url, safe, networkTimeout, networkTimeout, null);
        } catch (StreamGuard.Tripped e) {
            throw e; // its message says it all, naming the stream
        } catch (IOException e) {
            String why = e.getMessage();
            if (System.nanoTime() - started >= socketTimeout.toNanos() && Ffmpeg.errorCodeIn(why) != -110) {
                // a server that accepts but never answers shows up as odd protocol errors: say what happened
                why = String.format(Locale.ROOT, "no usable answer within the %.1f s network timeout (%s)",
                        networkTimeout.toMillis() / 1000.0, why);
            }
            throw new IOException("cannot open stream " + safe + ": " + why, e);
        }
    }

    private static FfmpegFrameSource startStream(String url, String description, Duration networkTimeout,
            Duration openBudget, String rtspTransport) throws IOException {
        Ffmpeg.init();
        OpenCv.load();
        Map<String, String> options = new LinkedHashMap<>();
        // FFmpeg 7: 'timeout' is the socket I/O timeout of rtsp/http/tcp/udp (rtsp's 'stimeout' is gone),
        // 'rw_timeout' bounds every protocol-level read or write; half the budget each, as two waits may follow
        // one another (connect, then the answer), while the guard bounds the whole open
        String micros = Long.toString(networkTimeout.dividedBy(2).toNanos() / 1000);
        options.put("timeout", micros);
        options.put("rw_timeout", micros);
        if (rtspTransport != null) {
            options.put("rtsp_transport", rtspTransport);
        }
        options.put("allowed_media_types", "video");
        StreamGuard guard = new StreamGuard(description, networkTimeout, openBudget);
        FfmpegStreamInput input;
        try {
            input = FfmpegStreamInput.open(url, options, guard);
        } catch (StreamGuard.Tripped e) {
            throw e;
        } catch (IOException e) {
            int code = Ffmpeg.errorCodeIn(e.getMessage());
            throw code < 0 ? new IOException(Ffmpeg.errorText(code) + " (FFmpeg error " + code + ")", e) : e;
        }
        return new FfmpegFrameSource(input, guard, description, networkTimeout);
    }

    private static FfmpegFrameSource start(String location, String description) throws IOException {
        Ffmpeg.init();
        OpenCv.load();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(location);
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            releaseQuietly(grabber);
            throw new IOException(explain(e), e instanceof RuntimeException ? e : null);
        }
        if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            releaseQuietly(grabber);
            throw new IOException("it has no video stream");
        }
        return new FfmpegFrameSource(grabber, description, false, null);
    }

    /** FFmpeg's own text for the failure ("Connection refused", "Invalid data found ..."), credentials masked. */
    private static String explain(Exception e) {
        String message = e.getMessage();
        int code = Ffmpeg.errorCodeIn(message);
        if (code < 0) {
            return Ffmpeg.errorText(code) + " (FFmpeg error " + code + ")";
        }
        if (message != null && message.contains("Did not find a video or audio stream")) {
            return "it has no video stream";
        }
        return UrlRedaction.redact(message == null ? e.getClass().getSimpleName() : message);
    }

    @Override
    public String description() {
        return description;
    }

    /** The decoder's name, e.g. {@code h264} or {@code msmpeg4}. */
    public String codecName() {
        return input != null ? input.codecName() : grabber.getVideoCodecName();
    }

    /** The video's width in pixels. */
    public int width() {
        return input != null ? input.width() : grabber.getImageWidth();
    }

    /** The video's height in pixels. */
    public int height() {
        return input != null ? input.height() : grabber.getImageHeight();
    }

    /**
     * The number of video frames the container announces, or 0 when it does not know (streams). The stream
     * header's own count ({@code nb_frames}) is preferred: unlike the duration-based estimate it still says 795
     * when the file was cut in half, so a truncated file can be told apart from a short one.
     */
    public int lengthInFrames() {
        if (input != null) {
            return 0;
        }
        int stream = grabber.getVideoStream();
        var context = grabber.getFormatContext();
        if (context != null && stream >= 0 && stream < context.nb_streams()) {
            long declared = context.streams(stream).nb_frames();
            if (declared > 0 && declared <= Integer.MAX_VALUE) {
                return (int) declared;
            }
        }
        return Math.max(0, grabber.getLengthInVideoFrames());
    }

    @Override
    public synchronized Frame read() throws IOException {
        if (closed) {
            throw new IOException(description + " is closed");
        }
        if (ended) {
            return null;
        }
        if (input != null) {
            return readStream();
        }
        org.bytedeco.javacv.Frame decoded;
        long started = System.nanoTime();
        try {
            // the grabber owns and reuses this Frame and its buffer: we copy the pixels out before the next grab
            decoded = grabber.grabImage();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            // no cause attached: javacv's messages quote the unmasked URL
            throw new IOException("reading " + description + " failed: " + explain(e));
        }
        long captured = System.nanoTime();
        if (decoded == null || decoded.image == null || decoded.image.length == 0) {
            ended = true;
            return null;
        }
        if (stallLimitNanos > 0 && captured - started >= stallLimitNanos) {
            // the network read timed out and javacv is draining the decoder, one more timeout per buffered frame:
            // a stream silent for the whole timeout is dead, end it now
            ended = true;
            throw new IOException(String.format(Locale.ROOT, "no frames from %s for %.1f s (network timeout)",
                    description, (captured - started) / 1e9));
        }
        Mat bgr = copyBgr(decoded);
        long timestamp = live ? (captured - openedNanos) / 1000 : decoded.timestamp;
        return new Frame(bgr, nextIndex++, timestamp, captured);
    }

    private Frame readStream() throws IOException {
        Mat bgr;
        try {
            bgr = input.read();
        } catch (StreamGuard.Tripped e) {
            ended = true;
            throw new IOException(e.getMessage());
        } catch (IOException e) {
            throw new IOException("reading " + description + " failed: " + explain(e));
        }
        long captured = System.nanoTime();
        if (bgr == null) {
            ended = true;
            return null;
        }
        return new Frame(bgr, nextIndex++, (captured - openedNanos) / 1000, captured);
    }

    /** Copies a BGR24 javacv frame (rows possibly padded) into a new, continuous, owned {@code Mat}. */
    private static Mat copyBgr(org.bytedeco.javacv.Frame decoded) throws IOException {
        if (decoded.imageChannels != 3 || decoded.imageDepth != org.bytedeco.javacv.Frame.DEPTH_UBYTE
                || !(decoded.image[0] instanceof ByteBuffer pixels) || !pixels.isDirect()) {
            throw new IOException("FFmpeg delivered an unexpected pixel layout: " + decoded.imageChannels
                    + " channels, depth " + decoded.imageDepth);
        }
        Mat view = new Mat(decoded.imageHeight, decoded.imageWidth, CvType.CV_8UC3, pixels.position(0),
                decoded.imageStride);
        try {
            return view.clone();
        } finally {
            OpenCv.release(view);
        }
    }

    @Override
    public double frameRate() {
        return frameRate;
    }

    @Override
    public boolean isLive() {
        return live;
    }

    @Override
    public void close() {
        if (guard != null) {
            guard.abort(); // a read in progress on another thread ends now instead of after the timeout
        }
        synchronized (this) {
            if (!closed) {
                closed = true;
                if (input != null) {
                    input.close();
                } else {
                    releaseQuietly(grabber);
                }
            }
        }
    }

    private static void releaseQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.release();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // nothing more can be done with a grabber that fails to close; its memory is freed with it
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s %dx%d, %.2f fps)", description, codecName(), width(), height(),
                frameRate);
    }
}
