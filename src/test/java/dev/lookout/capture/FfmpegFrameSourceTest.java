package dev.lookout.capture;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.TestData;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;

/** Reads real video (vtest.avi and re-encodings of it) and real failures through FFmpeg. */
@IntegrationTest
class FfmpegFrameSourceTest {

    @TempDir
    static Path scratch;

    @BeforeAll
    static void loadNatives() {
        OpenCv.load();
    }

    @Test
    void readsAllOfVtestAviWithMonotonicTimestamps() throws IOException {
        Path vtest = TestData.vtestAvi();
        List<Long> timestamps = new ArrayList<>();
        try (FfmpegFrameSource source = FfmpegFrameSource.openFile(vtest)) {
            assertEquals(10.0, source.frameRate(), 0.01);
            assertEquals(768, source.width());
            assertEquals(576, source.height());
            assertFalse(source.isLive());
            assertEquals("msmpeg4", source.codecName());
            for (Frame next = source.read(); next != null; next = source.read()) {
                try (Frame frame = next) {
                    assertEquals(timestamps.size(), frame.index());
                    assertEquals(768, frame.width());
                    assertEquals(576, frame.height());
                    assertEquals(3, frame.image().channels());
                    assertTrue(frame.image().isContinuous());
                    if (frame.index() % 100 == 0) {
                        assertPlausibleScene(frame.image());
                    }
                    timestamps.add(frame.timestampMicros());
                }
            }
            assertNull(source.read(), "the end stays the end");
        }
        assertEquals(795, timestamps.size());
        assertEquals(0, timestamps.get(0));
        for (int i = 1; i < timestamps.size(); i++) {
            assertEquals(100_000, timestamps.get(i) - timestamps.get(i - 1), "10 fps spacing at frame " + i);
        }
    }

    /** People walking in a grey plaza: mid brightness, real contrast, not a blank or saturated frame. */
    private static void assertPlausibleScene(Mat bgr) {
        MatOfDouble mean = new MatOfDouble();
        MatOfDouble stddev = new MatOfDouble();
        Core.meanStdDev(bgr, mean, stddev);
        for (int c = 0; c < 3; c++) {
            double m = mean.toArray()[c];
            double s = stddev.toArray()[c];
            assertTrue(m > 40 && m < 220, "channel " + c + " mean " + m);
            assertTrue(s > 20, "channel " + c + " stddev " + s);
        }
        mean.release();
        stddev.release();
    }

    @Test
    void firstFrameMatchesAnIndependentDecodeInBgrOrder() throws Exception {
        Path vtest = TestData.vtestAvi();
        byte[] expected = FfmpegCli.decodeFrameBgr(vtest, 0, scratch);
        try (FfmpegFrameSource source = FfmpegFrameSource.openFile(vtest); Frame frame = source.read()) {
            byte[] actual = new byte[(int) (frame.image().total() * 3)];
            frame.image().get(0, 0, actual);
            assertEquals(expected.length, actual.length);
            double meanAbsDiff = meanAbsDiff(expected, actual);
            // same decoder, possibly different YUV→BGR interpolation: tiny differences only; swapped R and B
            // channels would differ by tens of levels
            assertTrue(meanAbsDiff < 3, "mean |diff| vs ffmpeg CLI = " + meanAbsDiff);
        }
    }

    private static double meanAbsDiff(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return (double) sum / a.length;
    }

    @Test
    void readsH264Mp4AndMjpegAviReEncodedByFfmpegCli() throws Exception {
        Path vtest = TestData.vtestAvi();
        FfmpegCli.require();
        Path mp4 = scratch.resolve("vtest-h264.mp4");
        Path mjpg = scratch.resolve("vtest-mjpg.avi");
        Path mkv = scratch.resolve("vtest-mpeg4.mkv");
        FfmpegCli.run("-i", vtest.toString(), "-frames:v", "60", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", mp4.toString());
        FfmpegCli.run("-i", vtest.toString(), "-frames:v", "60", "-c:v", "mjpeg", "-q:v", "3", mjpg.toString());
        FfmpegCli.run("-i", vtest.toString(), "-frames:v", "60", "-c:v", "mpeg4", "-q:v", "3", mkv.toString());
        byte[] reference = FfmpegCli.decodeFrameBgr(vtest, 30, scratch);
        for (Path video : List.of(mp4, mjpg, mkv)) {
            try (FfmpegFrameSource source = FfmpegFrameSource.openFile(video)) {
                assertEquals(10.0, source.frameRate(), 0.01, video.toString());
                int count = 0;
                long previous = Long.MIN_VALUE;
                for (Frame next = source.read(); next != null; next = source.read()) {
                    try (Frame frame = next) {
                        assertTrue(frame.timestampMicros() > previous, video + " timestamps increase");
                        previous = frame.timestampMicros();
                        if (count == 30) {
                            byte[] actual = new byte[reference.length];
                            frame.image().get(0, 0, actual);
                            double diff = meanAbsDiff(reference, actual);
                            assertTrue(diff < 8, video + ": frame 30 differs from the original by " + diff);
                        }
                        count++;
                    }
                }
                assertEquals(60, count, video.toString());
            }
        }
    }

    @Test
    void missingFileIsAClearError() {
        IOException e = assertThrows(IOException.class,
                () -> FfmpegFrameSource.openFile(scratch.resolve("nowhere.mp4")));
        assertTrue(e.getMessage().startsWith("no such file: "), e.getMessage());
    }

    @Test
    void textFileNamedMp4IsNotAVideo() throws IOException {
        Path fake = scratch.resolve("notes.mp4");
        Files.writeString(fake, "these are my notes, not a video\n".repeat(50));
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(IOException.class, () -> FfmpegFrameSource.openFile(fake)));
        assertTrue(e.getMessage().contains("cannot read " + fake + " as a video"), e.getMessage());
        assertTrue(e.getMessage().contains("Invalid data"), e.getMessage());
    }

    @Test
    void audioOnlyFileHasNoVideoStream() throws Exception {
        FfmpegCli.require();
        Path wav = scratch.resolve("tone.wav");
        FfmpegCli.run("-f", "lavfi", "-i", "sine=frequency=440:duration=1", wav.toString());
        IOException e = assertThrows(IOException.class, () -> FfmpegFrameSource.openFile(wav));
        assertTrue(e.getMessage().contains("no video stream"), e.getMessage());
    }

    @Test
    void closedPortFailsFastWithoutCredentials() {
        for (String url : List.of("rtsp://admin:hunter2@127.0.0.1:%d/live", "http://admin:hunter2@127.0.0.1:%d/a")) {
            IOException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(IOException.class,
                    () -> FfmpegFrameSource.openUrl(String.format(url, FfmpegCli.freePort()), Duration.ofSeconds(2))));
            assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
            assertTrue(e.getMessage().contains("***@127.0.0.1"), e.getMessage());
            assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
            assertFalse(e.getMessage().contains("admin"), e.getMessage());
            assertNoCredentialsInChain(e, "hunter2");
        }
    }

    @Test
    void silentServerTimesOutInsteadOfHanging() throws Exception {
        // accepts connections and never answers: the network timeout must end the wait
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.start();
            try {
                for (String scheme : List.of("http", "rtsp")) {
                    String url = scheme + "://viewer:s3cret@127.0.0.1:" + silent.getLocalPort() + "/stream";
                    long start = System.nanoTime();
                    IOException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(
                            IOException.class, () -> FfmpegFrameSource.openUrl(url, Duration.ofSeconds(4))));
                    double seconds = (System.nanoTime() - start) / 1e9;
                    assertTrue(e.getMessage().startsWith("cannot open stream " + UrlRedaction.redact(url)),
                            e.getMessage());
                    assertNoCredentialsInChain(e, "s3cret");
                    System.out.printf("silent %s server: failed after %.1f s: %s%n", scheme, seconds, e.getMessage());
                    // RTSP: the stated timeout holds (it took 4 times as long: JavaCV's second open, a second try
                    // without TCP); HTTP's open still waits twice (it took 4 times as long)
                    double limit = scheme.equals("rtsp") ? 4 : 8;
                    assertTrue(seconds < limit + 1.5, scheme + ": failed after " + seconds + " s, not within " + limit);
                }
            } finally {
                silent.close();
                acceptor.join(2000);
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }

    @Test
    void reportsTheBundledEncoders() {
        Map<String, Boolean> encoders = Ffmpeg.encoders();
        System.out.println("bundled FFmpeg encoders: " + encoders);
        // what the recorder relies on; a different FFmpeg build would change these and must be noticed
        assertTrue(encoders.get("mpeg4"));
        assertTrue(encoders.get("mjpeg"));
        assertTrue(encoders.get("libopenh264"));
        assertFalse(encoders.get("libx264"));
        assertNotNull(Ffmpeg.errorText(-111));
        assertEquals("Connection refused", Ffmpeg.errorText(-111));
    }

    /** Neither the exception nor any cause or suppressed exception under it may quote the secret. */
    static void assertNoCredentialsInChain(Throwable e, String secret) {
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        assertFalse(trace.toString().contains(secret), trace.toString());
    }
}
