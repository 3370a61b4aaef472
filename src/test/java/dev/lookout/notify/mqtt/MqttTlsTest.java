package dev.lookout.notify.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.IntegrationTest;
import dev.lookout.testsupport.MosquittoBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ssl://}: a publisher in a child JVM that trusts only a certificate made for this test (keytool) publishes
 * to Mosquitto's TLS listener; a plain subscriber on the same broker sees it online.
 */
@IntegrationTest
class MqttTlsTest {

    private static final String PASS = "changeit";

    @TempDir
    Path dir;

    @Test
    void publishesOverTls() throws Exception {
        Path keystore = dir.resolve("broker.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", PASS);
        Path cert = dir.resolve("cert.pem");
        keytool("-exportcert", "-rfc", "-alias", "broker", "-file", cert.toString(), "-keystore", keystore.toString(),
                "-storepass", PASS);
        Path trust = dir.resolve("trust.p12");
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", cert.toString(), "-keystore",
                trust.toString(), "-storetype", "PKCS12", "-storepass", PASS);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, PASS.toCharArray());
        }
        PrivateKey key = (PrivateKey) store.getKey("broker", PASS.toCharArray());
        Path keyPem = dir.resolve("key.pem");
        Files.writeString(keyPem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");

        try (MosquittoBroker broker = MosquittoBroker.withTls(dir, cert, keyPem);
                TestSubscriber sub = TestSubscriber.connect(broker.port(), "lookout/+/available")) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djavax.net.ssl.trustStore=" + trust, "-Djavax.net.ssl.trustStorePassword=" + PASS,
                    "-cp", System.getProperty("java.class.path"), MqttPublisherChild.class.getName(),
                    broker.tlsUrl(), "tls-node").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.out").toFile()).start();
            try {
                sub.await("lookout/tls-node/available", "online");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nchild: " + Files.readString(dir.resolve("child.out"))
                        + "\nbroker: " + broker.log(), e);
            } finally {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            assertTrue(broker.log().contains("tls-node"), "the node connected: " + broker.log());
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "keytool " + String.join(" ", args) + ": " + output);
    }
}
