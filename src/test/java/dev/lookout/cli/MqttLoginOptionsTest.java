package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.notify.mqtt.MqttSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the broker's password comes from on the command line, and the mistakes that are refused. */
class MqttLoginOptionsTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private MqttLoginOptions options(String user, Path file, String envOption, Map<String, String> env) {
        MqttLoginOptions o = new MqttLoginOptions();
        o.user = user;
        o.passwordFile = file;
        o.passwordEnv = envOption;
        o.environment = env::get;
        return o;
    }

    private MqttSettings settings(MqttLoginOptions o, String url) throws UsageException {
        return o.settings("--mqtt", url, "test", null, 0, warnings::add);
    }

    @Test
    void thePasswordComesFromTheFileTheNamedVariableOrLookoutMqttPassword() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "from-file\r\nsecond line ignored\n");
        MqttSettings s = settings(options("ann", file, null, Map.of()), "tcp://127.0.0.1:1883");
        assertEquals("ann", s.username());
        assertEquals("from-file", s.password());

        s = settings(options("ann", null, "MY_PW", Map.of("MY_PW", "from-var", "LOOKOUT_MQTT_PASSWORD", "x")),
                "tcp://127.0.0.1");
        assertEquals("from-var", s.password());

        s = settings(options("ann", null, null, Map.of("LOOKOUT_MQTT_PASSWORD", "default-var")), "tcp://127.0.0.1");
        assertEquals("default-var", s.password());

        s = settings(options(null, null, null, Map.of("LOOKOUT_MQTT_PASSWORD", "unused")), "tcp://127.0.0.1");
        assertNull(s.username(), "no user named: an anonymous login, the variable is not read");
        assertNull(s.password());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void aUrlsCredentialsAreTakenOutOfItWithAWarning() throws Exception {
        MqttSettings s = settings(options(null, null, null, Map.of()), "tcp://bob:p%40ss:w@broker.lan:1884");
        assertEquals("tcp://broker.lan:1884", s.url());
        assertEquals("bob", s.username());
        assertEquals("p@ss:w", s.password());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("visible to other users") && !warnings.get(0).contains("p@ss"),
                warnings.get(0));
        assertFalse(s.toString().contains("p@ss"), s.toString());

        s = settings(options(null, null, null, Map.of("LOOKOUT_MQTT_PASSWORD", "var")), "tcp://bob@broker.lan");
        assertEquals("bob", s.username(), "a user in the URL, the password from the variable");
        assertEquals("var", s.password());
        s = settings(options("carol", null, null, Map.of()), "tcp://bob@broker.lan");
        assertEquals("carol", s.username(), "--mqtt-user names the user over the URL's");
    }

    @Test
    void mistakesAreUsageErrorsThatNeverQuoteThePassword() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "");
        Path file = Files.writeString(dir.resolve("pw"), "hunter2");
        List<String> messages = new ArrayList<>();
        messages.add(refused(options("ann", dir.resolve("missing"), null, Map.of()), "tcp://h"));
        messages.add(refused(options("ann", empty, null, Map.of()), "tcp://h"));
        messages.add(refused(options("ann", null, "NOPE", Map.of()), "tcp://h"));
        messages.add(refused(options(null, file, null, Map.of()), "tcp://h"));
        messages.add(refused(options("ann", file, null, Map.of()), "tcp://ann:hunter2@h"));
        messages.add(refused(options("", null, null, Map.of()), "tcp://h"));
        messages.add(refused(options(null, null, null, Map.of()), "http://ann:hunter2@h"));
        messages.add(refused(options("ann", Path.of("/dev/zero"), null, Map.of()), "tcp://h"));
        assertTrue(messages.get(0).contains("--mqtt-password-file") && messages.get(0).contains("no such file"),
                messages.get(0));
        assertTrue(messages.get(1).contains("is empty"), messages.get(1));
        assertTrue(messages.get(2).contains("--mqtt-password-env NOPE: no such environment variable"),
                messages.get(2));
        assertTrue(messages.get(3).contains("needs a user name: add --mqtt-user"), messages.get(3));
        assertTrue(messages.get(4).contains("given twice") && messages.get(4).contains("--mqtt-password-file"),
                messages.get(4));
        assertTrue(messages.get(5).contains("--mqtt-user is empty"), messages.get(5));
        assertTrue(messages.get(6).contains("--mqtt") && messages.get(6).contains("tcp://"), messages.get(6));
        assertTrue(messages.get(7).contains("longer than 4096 characters"), "a device is not read to its end: "
                + messages.get(7));
        for (String m : messages) {
            assertFalse(m.contains("hunter2"), m);
        }
    }

    private String refused(MqttLoginOptions o, String url) {
        return assertThrows(UsageException.class, () -> settings(o, url)).getMessage();
    }

    @Test
    void theConnectionsAdviceNamesTheOptions() {
        assertEquals("the broker refused the user name or password (NOT_AUTHORIZED): check --mqtt-user and the "
                + "password (--mqtt-password-file or $LOOKOUT_MQTT_PASSWORD)", MqttLoginOptions.forCommandLine(
                        "the broker refused the user name or password (NOT_AUTHORIZED): check mqtt.username and "
                        + "mqtt.password"));
    }
}
