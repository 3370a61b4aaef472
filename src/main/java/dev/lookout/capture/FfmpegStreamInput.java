package dev.lookout.capture;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

import java.io.IOException;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * A network stream's video decoded to BGR with FFmpeg directly, not through javacv: javacv's grabber lets FFmpeg
 * allocate the format context inside its {@code start()}, so no interrupt callback can be set before the input is
 * opened, and only that callback bounds what FFmpeg does inside a read ({@link StreamGuard}). The conversion is
 * javacv's own (swscale, bilinear, to BGR24), so frames match what the file path delivers.
 *
 * <p>Not thread-safe: one reader; {@link StreamGuard#abort()} may come from another thread.
 */
final class FfmpegStreamInput implements AutoCloseable {

    private final StreamGuard guard;
    private AVFormatContext format;
    private AVCodecContext decoder;
    private final int stream;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame frame = av_frame_alloc();
    private SwsContext scaler;
    private BytePointer bgr;
    private boolean draining;

    private FfmpegStreamInput(StreamGuard guard, AVFormatContext format, AVCodecContext decoder, int stream) {
        this.guard = guard;
        this.format = format;
        this.decoder = decoder;
        this.stream = stream;
    }

    /**
     * Opens {@code url} with FFmpeg's {@code options} (timeouts, RTSP transport), under {@code guard}.
     *
     * @throws IOException with FFmpeg's reason, or the guard's when one of its limits ended the open
     */
    static FfmpegStreamInput open(String url, Map<String, String> options, StreamGuard guard) throws IOException {
        AVFormatContext format = avformat_alloc_context();
        guard.install(format);
        AVDictionary dictionary = new AVDictionary(null);
        options.forEach((k, v) -> av_dict_set(dictionary, k, v, 0));
        int ret = avformat_open_input(format, url, (AVInputFormat) null, dictionary);
        av_dict_free(dictionary);
        if (ret < 0) {
            guard.uninstall(); // FFmpeg freed the context
            throw failure("avformat_open_input", ret, guard);
        }
        AVCodecContext decoder = null;
        try {
            if ((ret = avformat_find_stream_info(format, (PointerPointer<?>) null)) < 0) {
                throw failure("avformat_find_stream_info", ret, guard);
            }
            int stream = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
            if (stream < 0) {
                throw new IOException("it has no video stream");
            }
            AVStream video = format.streams(stream);
            AVCodec codec = avcodec_find_decoder(video.codecpar().codec_id());
            if (codec == null || codec.isNull()) {
                throw new IOException("no decoder for its video codec (id " + video.codecpar().codec_id() + ")");
            }
            decoder = avcodec_alloc_context3(codec);
            if ((ret = avcodec_parameters_to_context(decoder, video.codecpar())) < 0
                    || (ret = configureAndOpen(decoder, codec)) < 0) {
                throw failure("avcodec_open2", ret, guard);
            }
            if (decoder.width() <= 0 || decoder.height() <= 0) {
                throw new IOException("it has no video stream");
            }
            guard.opened(decoder.width(), decoder.height());
            return new FfmpegStreamInput(guard, format, decoder, stream);
        } catch (IOException | RuntimeException e) {
            if (decoder != null) {
                avcodec_free_context(decoder);
            }
            avformat_close_input(format);
            guard.uninstall();
            throw e;
        }
    }

    private static int configureAndOpen(AVCodecContext decoder, AVCodec codec) {
        decoder.thread_count(0); // as javacv: as many threads as the codec can use
        return avcodec_open2(decoder, codec, (AVDictionary) null);
    }

    private static IOException failure(String call, int code, StreamGuard guard) {
        String tripped = guard.tripped();
        // otherwise javacv's form ("... error -111: ..."), which FfmpegFrameSource reads the code from
        return tripped != null ? new StreamGuard.Tripped(tripped)
                : new IOException(call + "() error " + code + ": " + Ffmpeg.errorText(code));
    }

    int width() {
        return decoder.width();
    }

    int height() {
        return decoder.height();
    }

    String codecName() {
        BytePointer name = decoder.codec() == null ? null : decoder.codec().name();
        return name == null ? "" : name.getString();
    }

    /** The stream's average frame rate, else its base rate, as javacv reports it. */
    double frameRate() {
        AVStream video = format.streams(stream);
        var rate = video.avg_frame_rate();
        if (rate.num() == 0 && rate.den() == 0) {
            rate = video.r_frame_rate();
        }
        return rate.den() == 0 ? 0 : (double) rate.num() / rate.den();
    }

    /**
     * The next frame as a new BGR {@code Mat} the caller owns, or null when the stream ended.
     *
     * @throws IOException when FFmpeg fails or a {@link StreamGuard} limit ends the read (its reason)
     */
    Mat read() throws IOException {
        guard.readStarted();
        while (true) {
            int ret = avcodec_receive_frame(decoder, frame);
            if (ret == 0) {
                guard.frameDecoded();
                return toBgr();
            }
            if (ret == AVERROR_EOF || (ret == AVERROR_EAGAIN() && draining)) {
                return null;
            }
            if (ret != AVERROR_EAGAIN()) {
                throw failure("avcodec_receive_frame", ret, guard);
            }
            ret = av_read_frame(format, packet);
            if (ret == AVERROR_EOF && guard.tripped() == null) {
                draining = true;
                avcodec_send_packet(decoder, null);
                continue;
            }
            if (ret < 0) {
                throw failure("av_read_frame", ret, guard);
            }
            try {
                if (packet.stream_index() == stream) {
                    // a corrupt packet (a damaged JPEG) costs that frame only, as in javacv
                    avcodec_send_packet(decoder, packet);
                }
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    private Mat toBgr() throws IOException {
        int w = frame.width();
        int h = frame.height();
        scaler = sws_getCachedContext(scaler, w, h, frame.format(), w, h, AV_PIX_FMT_BGR24, SWS_BILINEAR, null,
                null, (DoublePointer) null);
        if (scaler == null || scaler.isNull()) {
            throw new IOException("FFmpeg cannot convert " + w + "x" + h + " pixel format " + frame.format()
                    + " to BGR");
        }
        long bytes = 3L * w * h;
        if (bgr == null || bgr.capacity() < bytes) {
            if (bgr != null) {
                bgr.close();
            }
            bgr = new BytePointer(bytes);
        }
        // sws_scale reads four destination planes and strides whatever the format uses: give it four
        try (PointerPointer<?> planes = new PointerPointer<BytePointer>(4).put(0, bgr.position(0));
                IntPointer strides = new IntPointer(3 * w, 0, 0, 0)) {
            sws_scale(scaler, frame.data(), frame.linesize(), 0, h, planes, strides);
        }
        Mat view = new Mat(h, w, CvType.CV_8UC3, bgr.position(0).limit(bytes).asByteBuffer(), 3L * w);
        try {
            return view.clone();
        } finally {
            OpenCv.release(view);
            av_frame_unref(frame);
        }
    }

    @Override
    public void close() {
        if (format == null) {
            return;
        }
        avcodec_free_context(decoder);
        avformat_close_input(format);
        guard.uninstall();
        av_packet_free(packet);
        av_frame_free(frame);
        sws_freeContext(scaler);
        if (bgr != null) {
            bgr.close();
        }
        format = null;
        decoder = null;
    }
}
