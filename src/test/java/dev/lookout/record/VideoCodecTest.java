package dev.lookout.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VideoCodecTest {

    @Test
    void eachMp4EncoderFallsBackToTheWorseOnesNamedNotToTheNextDeclared() {
        assertEquals(List.of(VideoCodec.H264_X264, VideoCodec.H264_OPENH264, VideoCodec.MPEG4),
                VideoCodec.H264_X264.withMp4Fallbacks());
        assertEquals(List.of(VideoCodec.H264_OPENH264, VideoCodec.MPEG4), VideoCodec.H264_OPENH264.withMp4Fallbacks());
        assertEquals(List.of(VideoCodec.MPEG4), VideoCodec.MPEG4.withMp4Fallbacks());
        assertEquals(List.of(), VideoCodec.MJPEG_AVI.withMp4Fallbacks());
    }
}
