package dev.lookout.capture;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * A real MJPEG-over-HTTP camera on 127.0.0.1, like many IP cameras: {@code multipart/x-mixed-replace} JPEG frames
 * taken from vtest.avi, at a steady rate, in a loop. {@link #stop()} drops every connection mid-stream, as a
 * camera that loses power does.
 */
public final class MjpegHttpServer implements AutoCloseable {

    private static final String BOUNDARY = "lookoutframe";

    private final List<byte[]> jpegs;
    private final int port;
    private final long frameNanos;
    private final AtomicInteger framesSent = new AtomicInteger();
    private volatile boolean running;
    private volatile boolean frozen;
    private HttpServer server;
    private ExecutorService handlers;

    private MjpegHttpServer(List<byte[]> jpegs, int port, double fps) {
        this.jpegs = jpegs;
        this.port = port;
        this.frameNanos = (long) (1e9 / fps);
    }

    /** JPEG-encodes the first {@code count} frames of {@code video}. */
    public static List<byte[]> jpegFrames(Path video, int count) throws IOException {
        List<byte[]> jpegs = new ArrayList<>();
        try (FfmpegFrameSource source = FfmpegFrameSource.openFile(video)) {
            for (int i = 0; i < count; i++) {
                MatOfByte jpeg = new MatOfByte();
                try (Frame frame = source.read()) {
                    Imgcodecs.imencode(".jpg", frame.image(), jpeg);
                    jpegs.add(jpeg.toArray());
                } finally {
                    jpeg.release();
                }
            }
        }
        return jpegs;
    }

    /** Starts serving {@code /video.mjpg} on {@code port} (0 = a free one). */
    public static MjpegHttpServer start(List<byte[]> jpegs, int port, double fps) throws IOException {
        MjpegHttpServer s = new MjpegHttpServer(jpegs, port == 0 ? FfmpegCli.freePort() : port, fps);
        s.startServing();
        return s;
    }

    private void startServing() throws IOException {
        running = true;
        handlers = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10);
        server.setExecutor(handlers);
        server.createContext("/video.mjpg", this::stream);
        server.start();
    }

    /** Serves again on the same port after {@link #stop()}: the camera comes back. */
    public void restart() throws IOException {
        startServing();
    }

    public int port() {
        return port;
    }

    /** The URL with the given user-info, e.g. {@code "user:pw@"}, or "" for none. */
    public String url(String userInfo) {
        return "http://" + userInfo + "127.0.0.1:" + port + "/video.mjpg";
    }

    public int framesSent() {
        return framesSent.get();
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "multipart/x-mixed-replace;boundary=" + BOUNDARY);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            long next = System.nanoTime();
            for (int i = 0; running; i++) {
                while (frozen && running) {
                    Thread.sleep(20);
                    next = System.nanoTime();
                }
                byte[] jpeg = jpegs.get(i % jpegs.size());
                String header = "--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length
                        + "\r\n\r\n";
                body.write(header.getBytes(StandardCharsets.US_ASCII));
                body.write(jpeg);
                body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                body.flush();
                framesSent.incrementAndGet();
                next += frameNanos;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
            }
        } catch (IOException | InterruptedException clientGoneOrStopped) {
            // the client hung up or the server is stopping: this stream is over
        } finally {
            exchange.close();
        }
    }

    /** Stops sending frames but keeps connections open: a camera that hangs. */
    void freeze() {
        frozen = true;
    }

    /** Sends frames again after {@link #freeze()}: the camera recovers on the same connection. */
    void thaw() {
        frozen = false;
    }

    /** Drops every connection and stops listening. */
    public void stop() {
        running = false;
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (handlers != null) {
            handlers.shutdownNow();
            try {
                handlers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handlers = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
