package dev.lookout.web;

import com.sun.net.httpserver.HttpExchange;
import dev.lookout.monitor.CameraFeed;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One client's live MJPEG stream ({@code multipart/x-mixed-replace}) of a camera's annotated frames. The camera's
 * thread only offers each frame to this client's queue of {@value #QUEUE} frames, dropping the oldest when the
 * client is behind, so a slow client sees fewer frames and never slows the camera. The latest frame is sent first
 * and then again every {@value #RESEND_SECONDS} s while the camera is quiet, which also notices a client that left.
 */
final class MjpegStream {

    static final String BOUNDARY = "lookoutframe";
    private static final int QUEUE = 2;
    private static final int RESEND_SECONDS = 5;

    private final BlockingQueue<byte[]> frames = new ArrayBlockingQueue<>(QUEUE);
    private long dropped;

    /** Sends frames of {@code feed} to the client until it leaves or {@code stopped} says so. */
    void serve(HttpExchange exchange, CameraFeed feed, BooleanSupplier stopped) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "multipart/x-mixed-replace; boundary=" + BOUNDARY);
        headers.set("Cache-Control", "no-store");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, 0);
        byte[] last = feed.latestJpeg().orElse(null);
        try (AutoCloseable registration = feed.onFrame(this::offer); OutputStream out = exchange.getResponseBody()) {
            if (last != null) {
                part(out, last);
            }
            while (!stopped.getAsBoolean()) {
                byte[] next = frames.poll(RESEND_SECONDS, TimeUnit.SECONDS);
                if (next != null) {
                    last = next;
                }
                if (last != null) {
                    part(out, last);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientLeft) {
            // the normal end of a stream: the browser closed the tab or the img
        } catch (Exception unregister) {
            // the feed's handle failed to unregister: nothing more to do for this client
        } finally {
            exchange.close();
        }
    }

    /** Called on the camera's thread: never blocks. */
    void offer(byte[] jpeg) {
        synchronized (frames) {
            while (!frames.offer(jpeg)) {
                frames.poll();
                dropped++;
            }
        }
    }

    /** Frames this client missed because it was behind. */
    long dropped() {
        synchronized (frames) {
            return dropped;
        }
    }

    private static void part(OutputStream out, byte[] jpeg) throws IOException {
        String head = "--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(jpeg);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
