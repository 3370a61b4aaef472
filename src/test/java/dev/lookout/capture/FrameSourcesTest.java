package dev.lookout.capture;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.FrameSources.Kind;
import dev.lookout.testsupport.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each kind of source spec opens, and the messages for ones that do not. */
@IntegrationTest
class FrameSourcesTest {

    @TempDir
    Path scratch;

    @Test
    void classifiesSpecs() throws IOException {
        assertEquals(Kind.CAMERA, FrameSources.kindOf("0"));
        assertEquals(Kind.CAMERA, FrameSources.kindOf(" 2 "));
        assertEquals(Kind.CAMERA, FrameSources.kindOf("/dev/video1"));
        assertEquals(Kind.STREAM, FrameSources.kindOf("rtsp://u:p@cam/live"));
        assertEquals(Kind.STREAM, FrameSources.kindOf("https://example.org/live/index.m3u8"));
        assertEquals(Kind.STREAM, FrameSources.kindOf("udp://239.0.0.1:1234"));
        assertEquals(Kind.IMAGES, FrameSources.kindOf("photo.JPG"));
        assertEquals(Kind.IMAGES, FrameSources.kindOf(Files.createDirectories(scratch.resolve("d")).toString()));
        assertEquals(Kind.VIDEO_FILE, FrameSources.kindOf("clip.mp4"));
        assertEquals(Kind.VIDEO_FILE, FrameSources.kindOf("file:///tmp/clip.mp4"));
    }

    @Test
    void opensVideoFilesPacedOrFast() throws IOException {
        Path vtest = TestData.vtestAvi();
        try (FrameSource source = FrameSources.open(vtest.toString(), SourceOptions.defaults().withFast(true))) {
            assertInstanceOf(PacedFrameSource.class, source);
            assertFalse(source.isLive());
            assertEquals(10.0, source.frameRate(), 0.01);
            try (Frame frame = source.read()) {
                assertEquals(768, frame.width());
            }
        }
        try (FrameSource source = FrameSources.open(vtest.toUri().toString(), SourceOptions.defaults())) {
            assertEquals(vtest.toString(), source.description());
        }
    }

    @Test
    void opensImageFolders() throws IOException {
        Path photos = TestData.darknetPhoto("dog.jpg").getParent();
        try (FrameSource source = FrameSources.open(photos.toString(), SourceOptions.defaults().withFast(true))) {
            int count = 0;
            for (Frame frame = source.read(); frame != null; frame = source.read()) {
                frame.close();
                count++;
            }
            assertEquals(7, count);
        }
    }

    @Test
    void badSpecsAreClearErrors() throws IOException {
        IOException missing = assertThrows(IOException.class,
                () -> FrameSources.open(scratch.resolve("missing.mp4").toString(), SourceOptions.defaults()));
        assertEquals("no such file: " + scratch.resolve("missing.mp4"), missing.getMessage());

        IOException missingImage = assertThrows(IOException.class,
                () -> FrameSources.open(scratch.resolve("missing.png").toString(), SourceOptions.defaults()));
        assertTrue(missingImage.getMessage().startsWith("no such file: "), missingImage.getMessage());

        Path text = scratch.resolve("holiday.mp4");
        Files.writeString(text, "not a video");
        IOException notVideo = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(IOException.class,
                () -> FrameSources.open(text.toString(), SourceOptions.defaults())));
        assertTrue(notVideo.getMessage().startsWith("cannot read " + text + " as a video"), notVideo.getMessage());

        IOException blank = assertThrows(IOException.class, () -> FrameSources.open(" ", SourceOptions.defaults()));
        assertTrue(blank.getMessage().startsWith("no source given"));
    }

    @Test
    void unreachableStreamFailsAtOpenWithoutCredentials() {
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(IOException.class,
                () -> FrameSources.open("rtsp://root:toor@127.0.0.1:" + FfmpegCli.freePort() + "/ch0",
                        SourceOptions.defaults().withNetworkTimeout(Duration.ofSeconds(2)))));
        assertTrue(e.getMessage().contains("rtsp://***@127.0.0.1"), e.getMessage());
        assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
        assertFalse(e.getMessage().contains("toor"));
        FfmpegFrameSourceTest.assertNoCredentialsInChain(e, "toor");
    }

    @Test
    void cameraWithoutACameraIsAClearError() {
        org.junit.jupiter.api.Assumptions.assumeTrue(!Files.exists(Path.of("/dev/video3")));
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(IOException.class,
                () -> FrameSources.open("3", SourceOptions.defaults().withCameraSize(FrameSize.parse("1280x720")))));
        assertTrue(e.getMessage().startsWith("no camera at index 3"), e.getMessage());
    }

    @Test
    void parsesSizes() {
        assertEquals(new FrameSize(1280, 720), FrameSize.parse("1280x720"));
        assertEquals(new FrameSize(640, 480), FrameSize.parse(" 640X480 "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameSize.parse("hd"));
        assertTrue(e.getMessage().contains("WIDTHxHEIGHT"));
        assertThrows(IllegalArgumentException.class, () -> FrameSize.parse("0x720"));
    }
}
