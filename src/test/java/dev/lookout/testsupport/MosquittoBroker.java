package dev.lookout.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker for one test: its own config file, listening on a free port of 127.0.0.1 only, no
 * persistence (a restart forgets retained messages, as a broker that lost its disk would). Without Debian's
 * {@code mosquitto} the tests are skipped with a message, or fail in CI ({@link TestData#require}).
 */
public final class MosquittoBroker implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private static final Path PASSWD = Path.of("/usr/bin/mosquitto_passwd");

    private final Path dir;
    private final Path config;
    private final int port;
    private final int tlsPort;
    private Process process;

    private MosquittoBroker(Path dir, Path config, int port, int tlsPort) {
        this.dir = dir;
        this.config = config;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /** A running broker that lets anyone in. */
    public static MosquittoBroker anonymous(Path dir) throws IOException, InterruptedException {
        return start(dir, "allow_anonymous true\n", 0);
    }

    /** A running broker that lets anyone in, also over TLS on {@link #tlsUrl()} with this PEM certificate and key. */
    public static MosquittoBroker withTls(Path dir, Path certPem, Path keyPem) throws IOException, InterruptedException {
        int tlsPort = freePort();
        return start(dir, "allow_anonymous true\nlistener " + tlsPort + " 127.0.0.1\ncertfile " + certPem
                + "\nkeyfile " + keyPem + "\n", tlsPort);
    }

    /** A running broker that lets in only {@code user} with {@code password} (made with mosquitto_passwd). */
    public static MosquittoBroker withPassword(Path dir, String user, String password)
            throws IOException, InterruptedException {
        TestData.require(PASSWD, "mosquitto_passwd from Debian's mosquitto (apt-get install mosquitto)");
        Path passwords = dir.resolve("passwords");
        Process p = new ProcessBuilder(PASSWD.toString(), "-b", "-c", passwords.toString(), user, password)
                .redirectErrorStream(true).redirectOutput(dir.resolve("passwd.log").toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("mosquitto_passwd failed: " + Files.readString(dir.resolve("passwd.log")));
        }
        return start(dir, "allow_anonymous false\npassword_file " + passwords + "\n", 0);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static MosquittoBroker start(Path dir, String access, int tlsPort)
            throws IOException, InterruptedException {
        TestData.require(BINARY, "the Mosquitto broker for the MQTT tests (apt-get install mosquitto)");
        int port = freePort();
        Path config = dir.resolve("mosquitto.conf");
        // started as root (a CI container) mosquitto would switch to user 'mosquitto', who cannot read the temp dir
        Files.writeString(config, "user " + System.getProperty("user.name") + "\n"
                + "listener " + port + " 127.0.0.1\n" + access + "persistence false\n"
                + "log_dest file " + dir.resolve("mosquitto.log") + "\nlog_type all\n");
        MosquittoBroker broker = new MosquittoBroker(dir, config, port, tlsPort);
        broker.startProcess();
        return broker;
    }

    /** {@code tcp://127.0.0.1:PORT}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** {@code ssl://127.0.0.1:PORT} of a {@link #withTls} broker. */
    public String tlsUrl() {
        return "ssl://127.0.0.1:" + tlsPort;
    }

    public int port() {
        return port;
    }

    /** Stops the broker (clients see the connection drop). */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    /** Starts the broker again on the same port and configuration. */
    public void startProcess() throws IOException, InterruptedException {
        process = new ProcessBuilder(List.of(BINARY.toString(), "-c", config.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("mosquitto.out").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("mosquitto exited at start: " + Files.readString(dir.resolve("mosquitto.out")));
                }
                Thread.sleep(50);
            }
        }
        throw new IOException("mosquitto did not listen on port " + port + " within 20 s");
    }

    /** The broker's own log so far (connections, subscriptions, ...). */
    public String log() throws IOException {
        Path log = dir.resolve("mosquitto.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
