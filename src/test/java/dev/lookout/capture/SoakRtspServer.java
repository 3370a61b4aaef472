package dev.lookout.capture;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code tools/soak.sh}'s RTSP camera: the tests' {@link RtspTestServer} (a Java RTSP server on 127.0.0.1 playing an
 * MPEG-4 stream that Debian's ffmpeg encodes from a video, in a loop) as a process of its own, because ffmpeg
 * cannot serve RTSP. Prints the stream's URL on the first line of stdout and serves until killed.
 *
 * <p>Usage: {@code SoakRtspServer VIDEO FRAMES FPS SCRATCH_DIR}
 */
public final class SoakRtspServer {

    private SoakRtspServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: SoakRtspServer VIDEO FRAMES FPS SCRATCH_DIR");
            System.exit(2);
        }
        RtspTestServer server = RtspTestServer.start(Path.of(args[0]), Integer.parseInt(args[1]),
                Double.parseDouble(args[2]), Path.of(args[3]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }));
        System.out.println(server.url(""));
        System.out.flush();
        stopped.await();
    }
}
