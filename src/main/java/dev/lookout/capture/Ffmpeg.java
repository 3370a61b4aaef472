package dev.lookout.capture;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * The process-wide set-up of the FFmpeg natives bundled by bytedeco: quiet logging (errors only, with credentials
 * masked, because FFmpeg's messages quote the URL they failed on), error-code texts, and encoder availability.
 */
public final class Ffmpeg {

    private static final Pattern ERROR_CODE = Pattern.compile("error (-?\\d+)");
    private static volatile boolean initialised;
    private static volatile PrintStream logSink = System.err;

    private Ffmpeg() {
    }

    /**
     * Silences FFmpeg below {@code AV_LOG_ERROR} and routes what remains through {@link UrlRedaction}; safe to call
     * any number of times from any thread. Every class that opens FFmpeg calls it first.
     */
    public static void init() {
        if (initialised) {
            return;
        }
        synchronized (Ffmpeg.class) {
            if (!initialised) {
                avutil.av_log_set_level(avutil.AV_LOG_ERROR);
                avutil.setLogCallback(RedactingLog.INSTANCE);
                initialised = true;
            }
        }
    }

    /** Where FFmpeg's (redacted) error lines go; standard error unless changed, e.g. by a test. */
    public static void setLogSink(PrintStream sink) {
        logSink = sink == null ? System.err : sink;
    }

    /** FFmpeg's text for a negative {@code AVERROR} code, e.g. "Connection refused". */
    public static String errorText(int code) {
        init();
        try (BytePointer buffer = new BytePointer(256)) {
            if (avutil.av_strerror(code, buffer, 256) < 0) {
                return "error " + code;
            }
            // the buffer holds a NUL-terminated C string followed by whatever was in memory
            String text = buffer.getString();
            int end = text.indexOf('\0');
            return end >= 0 ? text.substring(0, end) : text;
        }
    }

    /**
     * Extracts the {@code AVERROR} code from a javacv exception message ({@code "avformat_open_input() error -111:
     * ..."}), or 0 when it has none.
     */
    static int errorCodeIn(String message) {
        if (message == null) {
            return 0;
        }
        Matcher m = ERROR_CODE.matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** True if this FFmpeg build has an encoder of that name ({@code "libopenh264"}, {@code "mpeg4"}, ...). */
    public static boolean hasEncoder(String name) {
        init();
        AVCodec codec = avcodec.avcodec_find_encoder_by_name(name);
        return codec != null && !codec.isNull();
    }

    /**
     * Which of the encoders a recorder might want are present, in a stable order: name → available. The bundled
     * FFmpeg 7.1.1 build has libopenh264 (H.264), mpeg4, mjpeg and libvpx but not libx264.
     */
    public static Map<String, Boolean> encoders() {
        Map<String, Boolean> found = new LinkedHashMap<>();
        for (String name : List.of("libx264", "libopenh264", "h264", "mpeg4", "mjpeg", "libvpx", "libvpx-vp9")) {
            found.put(name, hasEncoder(name));
        }
        return found;
    }

    /** FFmpeg's log lines, at the level {@code av_log_set_level} allows, with URLs' credentials masked. */
    private static final class RedactingLog extends LogCallback {

        static final RedactingLog INSTANCE = new RedactingLog().retainReference();

        @Override
        public void call(int level, BytePointer message) {
            if (level > avutil.av_log_get_level()) {
                return;
            }
            // One message can span lines ("[msmpeg4 @ 0x...] \nerror while decoding block"): keep it on one.
            String line = message.getString().strip().replaceAll("\\s*\\R\\s*", " ");
            if (!line.isEmpty()) {
                logSink.println("ffmpeg: " + UrlRedaction.redact(line));
            }
        }
    }
}
