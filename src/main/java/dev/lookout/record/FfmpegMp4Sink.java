package dev.lookout.record;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_QSCALE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_flush;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.FF_QP2LAMBDA;
import static org.bytedeco.ffmpeg.global.avutil.av_d2q;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_inv_q;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Writes frames to a fragmented MP4 with the bundled FFmpeg (H.264 or MPEG-4 Part 2), straight through
 * libavcodec/libavformat so that every frame's presentation time is its real one. This class exists because
 * JavaCV's {@code FFmpegFrameRecorder} rounds each timestamp to a whole frame of its nominal rate: a live source's
 * irregular timing (and a file's variable frame rate) would be bent to a fixed grid, pauses and dropped frames lost.
 *
 * <p>Why fragmented: an ordinary MP4 is unreadable until its index ({@code moov}) is written at the end, so a killed
 * process would leave nothing. With {@code frag_keyframe+empty_moov+default_base_moof} each ~1 s group of pictures
 * becomes a self-describing fragment that is flushed to the OS as soon as it is complete; a {@code kill -9} loses
 * at most the last second or so, and the file is playable under its final name at every moment.
 */
final class FfmpegMp4Sink implements VideoSink {

    /** A keyframe, hence a fragment on disk, at least this often (in media time). */
    static final long KEYFRAME_INTERVAL_MICROS = 1_000_000;
    private static final AVRational MILLISECONDS = av_make_q(1, 1000);
    /** How many plane pointers and strides {@code sws_scale} reads from its source arrays (FFmpeg's maximum). */
    static final int SWS_PLANES = 4;

    private final Path path;
    private final VideoCodec codec;
    private final int width;
    private final int height;
    private final int encodedWidth;
    private final int encodedHeight;

    private AVFormatContext container;
    private AVCodecContext encoder;
    private AVStream stream;
    private AVFrame picture;
    private AVPacket packet;
    private SwsContext converter;
    private BytePointer bgrPixels;
    private PointerPointer<BytePointer> bgrPlanes;
    private IntPointer bgrStrides;
    private long lastPts = Long.MIN_VALUE;
    private long lastKeyframeMicros = Long.MIN_VALUE;
    private boolean headerWritten;
    private boolean failed;
    private boolean closed;

    private FfmpegMp4Sink(Path path, VideoCodec codec, int width, int height) {
        this.path = path;
        this.codec = codec;
        this.width = width;
        this.height = height;
        // 4:2:0 needs even sizes: an odd last column or row is left out rather than scaling the picture.
        this.encodedWidth = width & ~1;
        this.encodedHeight = height & ~1;
    }

    /**
     * Opens {@code path} (which must exist and may be empty: it was reserved by the caller) for writing.
     *
     * @param nominalFps the source's frame rate, 0 when unknown; used for rate control and, for constant-rate
     *     sources, as the time base so that a 10 fps file is recorded at exactly 10 fps
     * @param constantRate true for files, whose timestamps sit on a 1/fps grid; false for live sources
     * @throws IOException when the encoder or the file cannot be opened, with FFmpeg's reason
     */
    static FfmpegMp4Sink open(Path path, VideoCodec codec, int width, int height, double nominalFps,
            boolean constantRate) throws IOException {
        if (codec.ffmpegEncoder() == null) {
            throw new IllegalArgumentException(codec + " is not an FFmpeg codec");
        }
        if (width < 2 || height < 2) {
            throw new IOException("cannot record a " + width + "x" + height + " video");
        }
        FfmpegMp4Sink sink = new FfmpegMp4Sink(path, codec, width, height);
        try {
            sink.start(nominalFps, constantRate);
            return sink;
        } catch (IOException | RuntimeException e) {
            sink.release();
            throw e;
        }
    }

    private void start(double nominalFps, boolean constantRate) throws IOException {
        av_log_set_level(AV_LOG_ERROR);
        String file = path.toAbsolutePath().toString();
        container = new AVFormatContext(null);
        check(avformat_alloc_output_context2(container, null, "mp4", file), "cannot create an MP4 container");

        AVCodec videoCodec = avcodec_find_encoder_by_name(codec.ffmpegEncoder());
        if (videoCodec == null || videoCodec.isNull()) {
            throw new IOException("this FFmpeg build has no " + codec.ffmpegEncoder() + " encoder");
        }
        stream = avformat_new_stream(container, null);
        encoder = avcodec_alloc_context3(videoCodec);
        if (stream == null || encoder == null) {
            throw new IOException("FFmpeg is out of memory");
        }
        double fps = nominalFps > 0 && nominalFps < 1000 ? nominalFps : 30;
        AVRational frameRate = av_d2q(fps, 60000);
        // Files: a time base of exactly 1/fps. Live: milliseconds, so jittery real timing is kept as it was.
        AVRational timeBase = constantRate && nominalFps > 0 ? av_inv_q(frameRate) : MILLISECONDS;
        encoder.width(encodedWidth);
        encoder.height(encodedHeight);
        encoder.pix_fmt(AV_PIX_FMT_YUV420P);
        encoder.time_base(timeBase);
        encoder.framerate(frameRate);
        encoder.max_b_frames(0); // no reordering: a fragment on disk is complete and decodable as it is
        encoder.gop_size((int) Math.max(1, Math.round(fps))); // plus forced keyframes by time, see write()
        if (codec == VideoCodec.MPEG4) {
            encoder.flags(encoder.flags() | AV_CODEC_FLAG_QSCALE);
            encoder.global_quality(4 * FF_QP2LAMBDA); // constant quality: sharp boxes and labels at any rate
        } else {
            // ~0.15 bit per pixel: labels stay legible; bounded so tiny or huge frames get sane rates.
            long bitRate = Math.round(encodedWidth * (double) encodedHeight * fps * 0.15);
            encoder.bit_rate(Math.max(400_000, Math.min(20_000_000, bitRate)));
        }
        if ((container.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            encoder.flags(encoder.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        check(avcodec_open2(encoder, videoCodec, (AVDictionary) null), "cannot open the " + codec.ffmpegEncoder()
                + " encoder");
        check(avcodec_parameters_from_context(stream.codecpar(), encoder), "cannot configure the video stream");
        stream.time_base(encoder.time_base());
        stream.avg_frame_rate(frameRate);

        AVIOContext io = new AVIOContext(null);
        check(avio_open(io, file, AVIO_FLAG_WRITE), "cannot open " + path + " for writing");
        container.pb(io);
        AVDictionary options = new AVDictionary(null);
        try {
            av_dict_set(options, "movflags", "frag_keyframe+empty_moov+default_base_moof", 0);
            check(avformat_write_header(container, options), "cannot write the MP4 header to " + path);
        } finally {
            av_dict_free(options);
        }
        headerWritten = true;
        avio_flush(container.pb());

        picture = av_frame_alloc();
        picture.format(AV_PIX_FMT_YUV420P);
        picture.width(encodedWidth);
        picture.height(encodedHeight);
        check(av_frame_get_buffer(picture, 0), "cannot allocate a video frame");
        packet = av_packet_alloc();
        converter = sws_getContext(encodedWidth, encodedHeight, AV_PIX_FMT_BGR24, encodedWidth, encodedHeight,
                AV_PIX_FMT_YUV420P, SWS_BILINEAR, null, null, (DoublePointer) null);
        if (converter == null || converter.isNull()) {
            throw new IOException("cannot convert BGR to YUV for " + width + "x" + height);
        }
        bgrPixels = new BytePointer((long) width * height * 3);
        // sws_scale copies 4 plane pointers and 4 strides whatever the format: packed BGR uses the first of each,
        // the others must exist (and be null/0) or it reads past the end of these allocations
        bgrPlanes = new PointerPointer<BytePointer>(SWS_PLANES).zero();
        bgrPlanes.put(0, bgrPixels);
        bgrStrides = new IntPointer(SWS_PLANES).zero();
        bgrStrides.put(0, width * 3);
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public String format() {
        return codec.description();
    }

    @Override
    public void write(BufferedImage bgr, long timestampMicros) throws IOException {
        if (closed || failed) {
            throw new IOException("the recording " + path + " is already " + (failed ? "stopped" : "closed"));
        }
        if (bgr.getWidth() != width || bgr.getHeight() != height || bgr.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("expected a " + width + "x" + height + " BGR image, got "
                    + bgr.getWidth() + "x" + bgr.getHeight() + " type " + bgr.getType());
        }
        try {
            byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
            bgrPixels.position(0).put(pixels, 0, width * height * 3);
            check(av_frame_make_writable(picture), "cannot reuse the video frame");
            sws_scale(converter, bgrPlanes, bgrStrides, 0, encodedHeight, picture.data(), picture.linesize());

            AVRational tb = encoder.time_base();
            long pts = Math.round(timestampMicros * (double) tb.den() / (tb.num() * 1_000_000.0));
            // Timestamps must strictly increase; two frames in one tick keep their order one tick apart.
            pts = lastPts == Long.MIN_VALUE ? pts : Math.max(pts, lastPts + 1);
            lastPts = pts;
            picture.pts(pts);
            boolean forceKey = lastKeyframeMicros == Long.MIN_VALUE
                    || timestampMicros - lastKeyframeMicros >= KEYFRAME_INTERVAL_MICROS;
            if (forceKey) {
                lastKeyframeMicros = timestampMicros;
            }
            picture.pict_type(forceKey ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
            check(avcodec_send_frame(encoder, picture), "cannot encode a frame");
            drainPackets();
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    private void drainPackets() throws IOException {
        while (true) {
            int ret = avcodec_receive_packet(encoder, packet);
            if (ret == AVERROR_EAGAIN() || ret == AVERROR_EOF) {
                return;
            }
            check(ret, "cannot encode a frame");
            try {
                av_packet_rescale_ts(packet, encoder.time_base(), stream.time_base());
                packet.stream_index(stream.index());
                boolean keyframe = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
                check(av_write_frame(container, packet), "cannot write to " + path);
                if (keyframe) {
                    // The previous fragment was just completed: hand it to the OS so a crash cannot lose it.
                    avio_flush(container.pb());
                }
                if (container.pb().error() < 0) {
                    check(container.pb().error(), "cannot write to " + path);
                }
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        try {
            if (headerWritten && !failed) {
                check(avcodec_send_frame(encoder, null), "cannot flush the encoder");
                drainPackets();
                check(av_write_trailer(container), "cannot finish " + path);
                avio_flush(container.pb());
                if (container.pb().error() < 0) {
                    check(container.pb().error(), "cannot finish " + path);
                }
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            release();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void release() {
        if (container != null) {
            if (!container.isNull()) {
                // detached first: avio_closep clears only its own copy of the pointer, the container's would dangle
                AVIOContext io = container.pb();
                container.pb(null);
                if (io != null && !io.isNull()) {
                    avio_closep(io);
                }
                avformat_free_context(container);
            }
            container = null;
        }
        if (encoder != null) {
            avcodec_free_context(encoder);
            encoder = null;
        }
        if (picture != null) {
            av_frame_free(picture);
            picture = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (converter != null) {
            sws_freeContext(converter);
            converter = null;
        }
        if (bgrPixels != null) {
            bgrPixels.close();
            bgrPlanes.close();
            bgrStrides.close();
            bgrPixels = null;
        }
    }

    /** Turns a negative FFmpeg return code into an exception that says what failed and why. */
    static void check(int ret, String what) throws IOException {
        if (ret < 0) {
            throw new IOException(what + ": " + describe(ret));
        }
    }

    /** FFmpeg's text for an error code, e.g. {@code No space left on device}. */
    static String describe(int errorCode) {
        byte[] buffer = new byte[256];
        av_strerror(errorCode, buffer, buffer.length);
        int end = 0;
        while (end < buffer.length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end, StandardCharsets.UTF_8);
    }
}
