package dev.lookout.capture;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal but real RTSP server on 127.0.0.1 (RFC 2326: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN) that plays an
 * MPEG-4 Part 2 elementary stream (encoded from vtest.avi by Debian's ffmpeg) as RTP (RFC 3016) interleaved over
 * the RTSP TCP connection, like an IP camera asked for RTP/AVP/TCP. It refuses UDP transport with 461.
 *
 * <p>Written because Debian's ffmpeg cannot serve RTSP: its {@code -rtsp_flags listen} exists only for the RTSP
 * demuxer (receiving a pushed stream); the RTSP muxer always connects out to a server.
 */
final class RtspTestServer implements AutoCloseable {

    private static final int MAX_PAYLOAD = 1400;

    private final byte[] config;
    private final List<byte[]> frames;
    private final int port;
    private final double fps;
    private final List<String> transportsRequested = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger framesSent = new AtomicInteger();
    private volatile boolean running;
    private volatile boolean frozen;
    private ServerSocket listener;
    private Thread acceptor;

    private RtspTestServer(byte[] config, List<byte[]> frames, int port, double fps) {
        this.config = config;
        this.frames = frames;
        this.port = port;
        this.fps = fps;
    }

    /** Encodes the first {@code frameCount} frames of {@code video} to MPEG-4 with the ffmpeg CLI and serves them. */
    static RtspTestServer start(Path video, int frameCount, double fps, Path scratch) throws Exception {
        Path m4v = scratch.resolve("rtsp-source.m4v");
        FfmpegCli.run("-i", video.toString(), "-frames:v", Integer.toString(frameCount), "-c:v", "mpeg4",
                "-q:v", "5", "-g", "10", "-bf", "0", "-f", "m4v", m4v.toString());
        byte[] es = Files.readAllBytes(m4v);
        List<Integer> starts = frameStarts(es);
        byte[] config = java.util.Arrays.copyOfRange(es, 0, indexOfVop(es));
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : es.length;
            frames.add(java.util.Arrays.copyOfRange(es, starts.get(i), end));
        }
        RtspTestServer server = new RtspTestServer(config, frames, FfmpegCli.freePort(), fps);
        server.listen();
        return server;
    }

    /** Where each coded frame begins: at its headers (VOS 0xB0, GOV 0xB3) or its VOP (0xB6). */
    private static List<Integer> frameStarts(byte[] es) {
        List<Integer> starts = new ArrayList<>();
        boolean afterVop = true;
        for (int i = 0; i + 3 < es.length; i++) {
            if (es[i] == 0 && es[i + 1] == 0 && es[i + 2] == 1) {
                int code = es[i + 3] & 0xff;
                if (afterVop && (code == 0xB0 || code == 0xB3 || code == 0xB6)) {
                    starts.add(i);
                    afterVop = false;
                }
                if (code == 0xB6) {
                    afterVop = true;
                }
                i += 3;
            }
        }
        return starts;
    }

    private static int indexOfVop(byte[] es) {
        for (int i = 0; i + 3 < es.length; i++) {
            if (es[i] == 0 && es[i + 1] == 0 && es[i + 2] == 1 && (es[i + 3] & 0xff) == 0xB6) {
                return i;
            }
        }
        throw new IllegalStateException("no VOP in the MPEG-4 stream");
    }

    private void listen() throws IOException {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        running = true;
        acceptor = new Thread(this::acceptLoop, "rtsp-test-server-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Serves again on the same port after {@link #stop()}: the camera is back. */
    void restart() throws IOException {
        listen();
    }

    String url(String userInfo) {
        return "rtsp://" + userInfo + "127.0.0.1:" + port + "/live";
    }

    int port() {
        return port;
    }

    int frameCount() {
        return frames.size();
    }

    int framesSent() {
        return framesSent.get();
    }

    /** The Transport headers clients sent in SETUP. */
    List<String> transportsRequested() {
        return transportsRequested;
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket client = listener.accept();
                clients.add(client);
                Thread session = new Thread(() -> serve(client), "rtsp-test-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException stopped) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
            OutputStream out = client.getOutputStream();
            Thread player = null;
            while (running) {
                int first = in.read();
                if (first < 0) {
                    break;
                }
                if (first == '$') { // an interleaved RTCP report from the client: skip it
                    in.readUnsignedByte();
                    in.skipNBytes(in.readUnsignedShort());
                    continue;
                }
                Map<String, String> headers = new LinkedHashMap<>();
                String requestLine = (char) first + readLine(in);
                for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                line.substring(colon + 1).trim());
                    }
                }
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                in.skipNBytes(length);
                String method = requestLine.split(" ")[0];
                String cseq = headers.getOrDefault("cseq", "0");
                switch (method) {
                    case "OPTIONS" -> reply(out, cseq, "200 OK", "Public: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN\r\n",
                            null);
                    case "DESCRIBE" -> reply(out, cseq, "200 OK", "Content-Base: " + url("") + "/\r\n"
                            + "Content-Type: application/sdp\r\n", sdp());
                    case "SETUP" -> {
                        String transport = headers.getOrDefault("transport", "");
                        transportsRequested.add(transport);
                        if (transport.contains("RTP/AVP/TCP")) {
                            reply(out, cseq, "200 OK", "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n"
                                    + "Session: 4711;timeout=60\r\n", null);
                        } else {
                            reply(out, cseq, "461 Unsupported Transport", "", null);
                        }
                    }
                    case "PLAY" -> {
                        reply(out, cseq, "200 OK", "Session: 4711\r\nRange: npt=0.000-\r\n", null);
                        if (player == null) {
                            player = new Thread(() -> play(out), "rtsp-test-player");
                            player.setDaemon(true);
                            player.start();
                        }
                    }
                    case "TEARDOWN" -> {
                        reply(out, cseq, "200 OK", "Session: 4711\r\n", null);
                        return;
                    }
                    default -> reply(out, cseq, "200 OK", "Session: 4711\r\n", null); // GET_PARAMETER keep-alives
                }
            }
        } catch (IOException | RuntimeException sessionOver) {
            // client gone or server stopped
        } finally {
            clients.remove(client);
        }
    }

    private String sdp() {
        return "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=vtest\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 MP4V-ES/90000\r\n"
                + "a=fmtp:96 profile-level-id=1;config=" + HexFormat.of().withUpperCase().formatHex(config) + "\r\n"
                + "a=control:track0\r\n";
    }

    private static String readLine(DataInputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException();
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static void reply(OutputStream out, String cseq, String status, String headers, String body)
            throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.US_ASCII);
        String head = "RTSP/1.0 " + status + "\r\nCSeq: " + cseq + "\r\n" + headers
                + (content.length > 0 ? "Content-Length: " + content.length + "\r\n" : "") + "\r\n";
        synchronized (out) {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
        }
    }

    /** Sends the frames in a loop as RTP packets on interleaved channel 0, paced at {@code fps}. */
    private void play(OutputStream out) {
        long frameNanos = (long) (1e9 / fps);
        long ticksPerFrame = Math.round(90_000 / fps);
        int sequence = 0;
        long next = System.nanoTime();
        try {
            for (long n = 0; running; n++) {
                if (frozen) {
                    Thread.sleep(20);
                    next = System.nanoTime();
                    continue;
                }
                byte[] frame = frames.get((int) (n % frames.size()));
                long timestamp = n * ticksPerFrame;
                for (int offset = 0; offset < frame.length; offset += MAX_PAYLOAD) {
                    int size = Math.min(MAX_PAYLOAD, frame.length - offset);
                    boolean last = offset + size == frame.length;
                    byte[] packet = new byte[4 + 12 + size];
                    packet[0] = '$';
                    packet[1] = 0;
                    packet[2] = (byte) ((12 + size) >> 8);
                    packet[3] = (byte) (12 + size);
                    packet[4] = (byte) 0x80;
                    packet[5] = (byte) ((last ? 0x80 : 0) | 96);
                    packet[6] = (byte) (sequence >> 8);
                    packet[7] = (byte) sequence;
                    sequence = (sequence + 1) & 0xffff;
                    for (int b = 0; b < 4; b++) {
                        packet[8 + b] = (byte) (timestamp >> (24 - 8 * b));
                        packet[12 + b] = (byte) (0x4C4F4F4BL >> (24 - 8 * b));
                    }
                    System.arraycopy(frame, offset, packet, 16, size);
                    synchronized (out) {
                        out.write(packet);
                    }
                }
                synchronized (out) {
                    out.flush();
                }
                framesSent.incrementAndGet();
                next += frameNanos;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
        } catch (IOException | InterruptedException sessionOver) {
            // the client went away or the server stopped
        }
    }

    /** Stops sending media but keeps every connection open: a server that hangs. */
    void freeze() {
        frozen = true;
    }

    /** Drops every session and stops listening, like a camera losing power. */
    void stop() throws InterruptedException {
        running = false;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket client : clients) {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        acceptor.join(2000);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
