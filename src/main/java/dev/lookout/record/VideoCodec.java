package dev.lookout.record;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;

import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;

/**
 * The encoders a recording can use, best first. Which ones exist depends on the bundled FFmpeg build, so the
 * choice is made at run time ({@link #best()}).
 */
public enum VideoCodec {
    /** H.264 through x264 (GPL builds of FFmpeg). */
    H264_X264("libx264", "MP4 / H.264 (libx264)"),
    /** H.264 through Cisco's OpenH264 (bytedeco's default FFmpeg build has it). */
    H264_OPENH264("libopenh264", "MP4 / H.264 (libopenh264)"),
    /** MPEG-4 Part 2, FFmpeg's own encoder: always built in, plays nearly everywhere. */
    MPEG4("mpeg4", "MP4 / MPEG-4 Part 2"),
    /** Motion-JPEG in AVI through OpenCV's {@code VideoWriter}: only when FFmpeg cannot be used at all. */
    MJPEG_AVI(null, "AVI / Motion-JPEG (OpenCV)");

    /** The MP4 encoders, best first: a recording that cannot open one tries the next. */
    public static final List<VideoCodec> MP4_PREFERENCE = List.of(H264_X264, H264_OPENH264, MPEG4);

    private final String ffmpegEncoder;
    private final String description;

    VideoCodec(String ffmpegEncoder, String description) {
        this.ffmpegEncoder = ffmpegEncoder;
        this.description = description;
    }

    /** FFmpeg's encoder name, or {@code null} for the OpenCV fallback. */
    public String ffmpegEncoder() {
        return ffmpegEncoder;
    }

    /** Container and codec for the user, e.g. {@code MP4 / H.264 (libopenh264)}. */
    public String description() {
        return description;
    }

    /** This MP4 encoder and the ones after it in {@link #MP4_PREFERENCE}; empty for MJPEG. */
    public List<VideoCodec> withMp4Fallbacks() {
        int at = MP4_PREFERENCE.indexOf(this);
        return at < 0 ? List.of() : MP4_PREFERENCE.subList(at, MP4_PREFERENCE.size());
    }

    /** The file extension the codec's container uses, with the dot. */
    public String extension() {
        return this == MJPEG_AVI ? ".avi" : ".mp4";
    }

    /** True if this JVM can encode with it: the FFmpeg build has the encoder (or, for MJPEG, always). */
    public boolean available() {
        if (ffmpegEncoder == null) {
            return true;
        }
        try {
            AVCodec codec = avcodec_find_encoder_by_name(ffmpegEncoder);
            return codec != null && !codec.isNull();
        } catch (LinkageError e) {
            // FFmpeg's natives do not load on this platform: only OpenCV's writer is left.
            return false;
        }
    }

    /** The best codec this JVM can encode with: H.264 if the build has an encoder for it, else MPEG-4, else MJPEG. */
    public static VideoCodec best() {
        for (VideoCodec codec : MP4_PREFERENCE) {
            if (codec.available()) {
                return codec;
            }
        }
        return MJPEG_AVI;
    }
}
