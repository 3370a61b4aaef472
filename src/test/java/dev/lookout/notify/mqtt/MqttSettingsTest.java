package dev.lookout.notify.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.config.ConfigFile;
import dev.lookout.config.LookoutConfig;
import dev.lookout.config.WebhookFormat;
import dev.lookout.detect.CocoLabels;
import dev.lookout.notify.webhook.WebhookSettings;
import dev.lookout.testsupport.TestData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link MqttSettings}: defaults, checks that name the key at fault, and a password that never shows. */
class MqttSettingsTest {

    private static final String PASSWORD = "s3cret-Pa55word";

    @Test
    void lookoutYmlMapsOntoTheSettings() throws Exception {
        Path file = TestData.projectDir().resolve("src/test/resources/dev/lookout/config/full.yml");
        LookoutConfig config = ConfigFile.load(file, CocoLabels.read(TestData.modelDir().resolve("labels.json"))
                .names());
        MqttSettings mqtt = MqttSettings.from(config.mqtt().orElseThrow());
        assertEquals("tcp://127.0.0.1:1883", mqtt.url());
        assertEquals("garage-pc", mqtt.node());
        assertEquals("home/lookout", mqtt.prefix());
        assertEquals("lookout", mqtt.username());
        assertEquals("mqtt-s3cret!", mqtt.password());
        assertEquals(3, mqtt.protocol());
        assertTrue(mqtt.homeAssistant());
        assertEquals("home/lookout/garage-pc/events", MqttTopics.of(mqtt).events());
        List<WebhookSettings> hooks = config.webhooks().stream().map(WebhookSettings::from).toList();
        assertEquals(WebhookFormat.NTFY, hooks.get(0).format());
        assertEquals(Duration.ofMinutes(2), hooks.get(0).cooldown());
        assertTrue(hooks.get(0).covers("gate", "person"));
        assertFalse(hooks.get(0).covers("gate", "dog"));
        assertFalse(hooks.get(1).toString().contains("gotify-s3cret"), hooks.get(1).toString());
    }

    /** lookout.yml without {@code protocol}, the window and remote-events connect alike, as CONFIG.md says. */
    @Test
    void oneProtocolDefaultEverywhere() throws Exception {
        LookoutConfig config = ConfigFile.parse("cameras:\n  gate:\n    source: rtsp://127.0.0.1/gate\n"
                + "mqtt:\n  url: tcp://127.0.0.1:1883\n", Path.of("lookout.yml"), List.of("person"));
        int fromFile = MqttSettings.from(config.mqtt().orElseThrow()).protocol();
        assertEquals(MqttSettings.of("tcp://broker", "garage").protocol(), fromFile, "the file and the window");
        assertEquals(dev.lookout.config.MqttVersion.DEFAULT_NUMBER, fromFile);
        String configDoc = java.nio.file.Files.readString(TestData.projectDir().resolve("docs/CONFIG.md"));
        assertTrue(configDoc.contains("| `protocol` | `" + fromFile + "` |"), "CONFIG.md states the default");
        String readme = java.nio.file.Files.readString(TestData.projectDir().resolve("README.md"));
        assertFalse(readme.matches("(?s).*protocol[^\\n]{0,40}default [35].*"), "README does not restate it");
    }

    @Test
    void defaultsAndPorts() {
        MqttSettings plain = MqttSettings.of("tcp://broker", "garage");
        assertEquals("lookout", plain.prefix());
        assertEquals(3, plain.protocol());
        assertEquals(1883, plain.port());
        assertFalse(plain.tls());
        MqttSettings tls = MqttSettings.of("ssl://broker", "garage");
        assertEquals(8883, tls.port());
        assertTrue(tls.tls());
        assertEquals("lookout/garage/gate/traffic_light", MqttTopics.of(plain).count("gate", "traffic light"));
        assertEquals("lookout/garage/gate_2/zones/caf__/x_y_z", MqttTopics.of(plain).zoneCount("Gate 2", "café#", "x+y#z"));
        assertEquals("lookout/garage/a_b/person", MqttTopics.of(plain).count("a/b", "person"));
    }

    @Test
    void settingsNeverShowThePasswordAndNameTheKeyAtFault() {
        MqttSettings settings = MqttSettings.of("tcp://127.0.0.1:1883", "garage").withCredentials("u", PASSWORD);
        assertFalse(settings.toString().contains(PASSWORD), settings.toString());
        assertTrue(message(() -> MqttSettings.of("http://broker", "n")).contains("tcp://"));
        assertTrue(message(() -> MqttSettings.of("tcp://u:" + PASSWORD + "@broker", "n")).contains("mqtt.username"));
        assertFalse(message(() -> MqttSettings.of("tcp://u:" + PASSWORD + "@broker", "n")).contains(PASSWORD));
        assertTrue(message(() -> MqttSettings.of("tcp://broker", "a/b")).contains("mqtt.node"));
        assertTrue(message(() -> MqttSettings.of("tcp://broker", "n").withProtocol(4)).contains("mqtt.protocol"));
        assertTrue(message(() -> MqttSettings.of("", "n")).contains("mqtt.url"));
    }

    private static String message(Runnable bad) {
        return assertThrows(IllegalArgumentException.class, bad::run).getMessage();
    }
}
