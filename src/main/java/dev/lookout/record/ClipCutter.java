package dev.lookout.record;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_clone;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.BytePointer;

/**
 * Copies a span of a clip into a new MP4 without re-encoding: from the keyframe at or before the span's start (our
 * clips have one every second) to the span's end, timestamps moved to start at 0. For exporting one event out of a
 * clip that several share. Only the video stream is copied (Lookout's clips have no other). The clip is read from
 * its start, not sought (a fragmented MP4's seeking is approximate); packets are copied, never decoded, and at most
 * one group of pictures is held.
 */
public final class ClipCutter {

    private ClipCutter() {
    }

    /**
     * Writes {@code from}..{@code to} of {@code source} to {@code target} ({@code to} null: to the end).
     *
     * @throws IOException naming the file and FFmpeg's reason when the clip cannot be read or the copy written
     */
    public static void cut(Path source, Path target, Duration from, Duration to) throws IOException {
        av_log_set_level(AV_LOG_ERROR);
        AVFormatContext in = new AVFormatContext(null);
        check(avformat_open_input(in, source.toString(), null, (AVDictionary) null), "cannot open " + source);
        AVFormatContext out = null;
        AVPacket packet = av_packet_alloc();
        try {
            check(avformat_find_stream_info(in, (AVDictionary) null), "cannot read " + source);
            int video = -1;
            for (int i = 0; i < in.nb_streams(); i++) {
                if (in.streams(i).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
                    video = i;
                    break;
                }
            }
            if (video < 0) {
                throw new IOException(source + " has no video stream");
            }
            AVStream inStream = in.streams(video);
            double tb = inStream.time_base().num() / (double) inStream.time_base().den();
            long start = inStream.start_time() == AV_NOPTS_VALUE ? 0 : inStream.start_time();
            long fromTs = start + Math.round(from.toNanos() / 1e9 / tb);
            long toTs = to == null ? Long.MAX_VALUE : start + Math.round(to.toNanos() / 1e9 / tb);
            out = new AVFormatContext(null);
            check(avformat_alloc_output_context2(out, null, "mp4", target.toString()), "cannot write " + target);
            AVStream outStream = avformat_new_stream(out, null);
            check(avcodec_parameters_copy(outStream.codecpar(), inStream.codecpar()), "cannot copy " + source);
            outStream.codecpar().codec_tag(0);
            outStream.time_base(inStream.time_base());
            AVIOContext io = new AVIOContext(null);
            check(avio_open(io, target.toString(), AVIO_FLAG_WRITE), "cannot open " + target + " for writing");
            out.pb(io);
            check(avformat_write_header(out, (AVDictionary) null), "cannot write the header of " + target);
            long offset = AV_NOPTS_VALUE;
            int written = 0;
            java.util.List<AVPacket> gop = new java.util.ArrayList<>(); // since the last keyframe before the span
            try {
                while (av_read_frame(in, packet) >= 0) {
                    try {
                        if (packet.stream_index() != video) {
                            continue;
                        }
                        long pts = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
                        if (offset == AV_NOPTS_VALUE) {
                            boolean key = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
                            if (key) {
                                freeAll(gop);
                            }
                            if (!gop.isEmpty() || key) {
                                gop.add(av_packet_clone(packet));
                            }
                            if (pts < fromTs || gop.isEmpty()) {
                                continue;
                            }
                            AVPacket first = gop.get(0);
                            offset = first.dts() != AV_NOPTS_VALUE ? first.dts() : first.pts();
                            for (AVPacket p : gop) {
                                write(p, offset, inStream, outStream, out, target);
                                written++;
                            }
                            freeAll(gop);
                            continue;
                        }
                        if (pts > toTs) {
                            break;
                        }
                        write(packet, offset, inStream, outStream, out, target);
                        written++;
                    } finally {
                        av_packet_unref(packet);
                    }
                }
            } finally {
                freeAll(gop);
            }
            if (written == 0) {
                throw new IOException(source + " has no frames from " + from.toMillis() / 1000.0 + " s on");
            }
            check(av_write_trailer(out), "cannot finish " + target);
        } finally {
            av_packet_free(packet);
            if (out != null) {
                AVIOContext io = out.pb();
                out.pb(null);
                if (io != null && !io.isNull()) {
                    avio_closep(io);
                }
                avformat_free_context(out);
            }
            avformat_close_input(in);
        }
    }

    private static void write(AVPacket p, long offset, AVStream in, AVStream outStream, AVFormatContext out,
            Path target) throws IOException {
        shift(p, offset);
        p.stream_index(0);
        p.pos(-1);
        av_packet_rescale_ts(p, in.time_base(), outStream.time_base());
        check(av_interleaved_write_frame(out, p), "cannot write " + target);
    }

    private static void freeAll(java.util.List<AVPacket> packets) {
        for (AVPacket p : packets) {
            av_packet_free(p);
        }
        packets.clear();
    }

    private static void shift(AVPacket p, long offset) {
        if (p.pts() != AV_NOPTS_VALUE) {
            p.pts(p.pts() - offset);
        }
        if (p.dts() != AV_NOPTS_VALUE) {
            p.dts(p.dts() - offset);
        }
    }

    private static void check(int ret, String what) throws IOException {
        if (ret < 0) {
            BytePointer buf = new BytePointer(256);
            av_strerror(ret, buf, 256);
            throw new IOException(what + ": " + buf.getString());
        }
    }
}
