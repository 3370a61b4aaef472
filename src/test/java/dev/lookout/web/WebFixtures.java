package dev.lookout.web;

import dev.lookout.event.EventChange;
import dev.lookout.event.EventType;
import dev.lookout.event.ObjectEvent;
import dev.lookout.monitor.CameraStatus;
import dev.lookout.notify.CameraCounts;
import dev.lookout.store.EventStore;
import dev.lookout.store.RecordingKind;
import dev.lookout.store.StorageLayout;
import dev.lookout.store.StoreOptions;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Real data for the web tests: JPEG frames, H.264 clips, a store written through its own API, cameras. */
final class WebFixtures {

    /** The password in the fake cameras' source URLs: must never appear in a response. */
    static final String SOURCE_PASSWORD = "hunter2secret";
    static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private WebFixtures() {
    }

    /** A real JPEG of {@code width}x{@code height} showing {@code label}. */
    static byte[] jpeg(String label, int width, int height, Color color) throws IOException {
        BufferedImage image = picture(label, width, height, color);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static BufferedImage picture(String label, int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, height / 8)));
        g.drawString(label, width / 10, height / 2);
        g.setColor(Color.GREEN);
        g.drawRect(width / 3, height / 4, width / 4, height / 2);
        g.dispose();
        return image;
    }

    /** A real H.264 MP4 (OpenH264 from the bundled FFmpeg) of {@code frames} frames at 10 fps, faststart. */
    static Path clip(Path file, String label, int frames) throws IOException {
        Files.createDirectories(file.getParent());
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 320, 240, 0);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodecName("libopenh264");
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(10);
            recorder.setVideoBitrate(400_000);
            recorder.setVideoOption("movflags", "+faststart");
            recorder.start();
            for (int i = 0; i < frames; i++) {
                recorder.record(converter.convert(picture(label + " " + i, 320, 240, new Color(20, 60 + i * 3 % 150, 120))));
            }
            recorder.stop();
        }
        return file;
    }

    /** A free port on the loopback (closed again, so the server can take it). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static FakeMonitor.FakeFeed camera(String name, CameraStatus.State state) {
        CameraStatus status = new CameraStatus(state, "rtsp://admin:" + SOURCE_PASSWORD + "@10.0.0.7:554/" + name,
                12.5, 4.0, 1234, 90, 56, 78, state == CameraStatus.State.RECONNECTING
                        ? "cannot open rtsp://admin:" + SOURCE_PASSWORD + "@10.0.0.7:554/" + name + ": timed out" : null);
        CameraCounts counts = new CameraCounts(name, Map.of("person", 2, "car", 1),
                Map.of("drive", Map.of("person", 1)), Map.of("gate", new CameraCounts.LineTotals(5, 3)));
        return new FakeMonitor.FakeFeed(name, status, counts);
    }

    /**
     * Writes a store in {@code storage} through {@link EventStore}: {@code count} events on cameras {@code front}
     * and {@code yard}, alternating person/car, one minute apart from {@link #T0}; the first two with a clip, a
     * snapshot and a thumbnail in the storage folder. Returns the layout.
     */
    static StorageLayout store(Path storage, int count) throws Exception {
        StorageLayout layout = new StorageLayout(storage);
        try (EventStore store = EventStore.open(StoreOptions.defaults(storage))) {
            for (int i = 0; i < count; i++) {
                String camera = i % 2 == 0 ? "front" : "yard";
                String id = "ev" + i;
                Path clip = null;
                Path snapshot = null;
                Instant start = T0.plusSeconds(60L * i);
                if (i < 2) {
                    clip = clip(layout.folder(RecordingKind.CLIP, camera).resolve(id + ".mp4"), id, 30);
                    snapshot = Files.write(Files.createDirectories(layout.folder(RecordingKind.SNAPSHOT, camera))
                            .resolve(id + ".jpg"), jpeg(id, 640, 480, Color.DARK_GRAY));
                }
                ObjectEvent event = new ObjectEvent(id, camera, i, i % 2 == 0 ? "person" : "car", start,
                        start.plusSeconds(9), 0.7, 0.8 + i * 0.01, new double[] {10, 20, 30, 40}, List.of("drive"),
                        List.of("gate:in"), false, snapshot, clip);
                store.onEvent(new EventChange(EventType.NEW, null, event));
                if (snapshot != null) {
                    Path thumbnail = Files.write(snapshot.resolveSibling(id + ".thumb.jpg"),
                            jpeg(id, 160, 120, Color.BLUE));
                    store.thumbnail(id, thumbnail);
                }
            }
            store.flush();
        }
        return layout;
    }
}
