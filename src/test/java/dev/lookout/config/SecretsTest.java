package dev.lookout.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No password of the file shows in any message, whatever is wrong next to it, nor in a record's text. */
class SecretsTest {

    private static final List<String> SECRETS = List.of("Pa55word", "Hook-Token-99");

    @Test
    void noProblemMessageShowsAPassword() {
        ConfigException e = assertThrows(ConfigException.class, () -> TestConfigs.load(TestConfigs.bad("passwords")));

        assertEquals(List.of(
                "2:8: mqtt.url: port 99999 is outside 1..65535",
                "4:13: mqtt.password: expected a password (text), found a list",
                "8:3: http: unknown key 'pasword': did you mean 'password'?",
                "11:13: webhooks[0].format: expected one of json, multipart, ntfy, gotify, found '***'",
                "12:15: webhooks[0].cooldown: expected a duration like 3s, 5m, 2h or 14d (units ms, s, m, h, d), "
                        + "found '***'",
                "15:13: cameras.gate.source: port 70000 is outside 1..65535",
                "17:13: cameras.yard.source: the URL has no valid host; in a user name or password, write @ # / ? : "
                        + "and spaces percent-encoded (%40 %23 %2F %3F %3A %20)",
                "20:13: cameras.porch.source: not a valid URL (Illegal character in authority); in a user name or "
                        + "password, write @ # / ? : and spaces percent-encoded (%40 %23 %2F %3F %3A %20)"),
                e.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
        assertNoSecret(e.getMessage());
    }

    @Test
    void aSyntaxErrorInAPasswordDoesNotQuoteIt() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TestConfigs.load(TestConfigs.bad("syntax-password")));
        assertEquals(1, e.problems().size());
        assertEquals("not valid YAML: found unexpected end of stream (while scanning a quoted scalar that starts at "
                + "line 2, column 13)", e.problems().get(0).message());
        assertNoSecret(e.getMessage());
    }

    @Test
    void recordsPrintWithoutPasswords() throws Exception {
        LookoutConfig c = TestConfigs.load(TestConfigs.DIR.resolve("full.yml"));
        String text = c.toString();

        assertFalse(text.contains("s3cret"), text);
        assertTrue(text.contains("rtsp://***@192.0.2.10:554/stream1"), text);
        assertTrue(text.contains("token=***"), text);
        assertEquals("***", new Secret("hunter2").toString());
    }

    @Test
    void aOneLetterPasswordMasksOnlyItselfNotEveryLetter() {
        Problems problems = new Problems(Path.of("x.yml"));
        problems.secret("p");
        problems.at(1, 1, "pre_roll: found 'p'");
        assertEquals("pre_roll: found '***'", problems.sorted().get(0).message());
    }

    @Test
    void passwordsFromAFileOrTheEnvironmentAreReadAndSavedBackAsTheirReferences(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("mqtt.pw"), "File-Pa55word\nnot the password\n");
        Path file = tmp.resolve("lookout.yml");
        String yaml = """
                mqtt:
                  url: tcp://127.0.0.1:1883
                  username: lookout
                  password_file: mqtt.pw
                http:
                  bind: 0.0.0.0:8080
                  password: ${LOOKOUT_HTTP_PW}-x
                cameras:
                  gate:
                    source: 0
                """;
        Map<String, String> env = Map.of("LOOKOUT_HTTP_PW", "Env-Pa55word");
        LookoutConfig config = ConfigReader.read(yaml, file, TestConfigs.classNames(), env::get);

        assertEquals("File-Pa55word", config.mqtt().orElseThrow().password().orElseThrow().reveal());
        assertEquals("Env-Pa55word-x", config.http().orElseThrow().password().orElseThrow().reveal());
        ConfigFile.save(config, file);
        String saved = Files.readString(file);
        assertTrue(saved.contains("password_file: mqtt.pw"), saved);
        assertTrue(saved.contains("${LOOKOUT_HTTP_PW}-x"), saved);
        assertFalse(saved.contains("File-Pa55word") || saved.contains("Env-Pa55word"), saved);
        assertEquals(config, ConfigReader.read(saved, file, TestConfigs.classNames(), env::get));
    }

    @Test
    void webhookCredentialsComeFromAFileOrTheEnvironmentAndAreSavedBackAsReferences(@TempDir Path tmp)
            throws Exception {
        Files.writeString(tmp.resolve("hook.pw"), "Hook-Pa55word\n");
        Path file = tmp.resolve("lookout.yml");
        String yaml = """
                webhooks:
                  - url: http://127.0.0.1:8090/in
                    username: lookout
                    password_file: hook.pw
                  - url: http://127.0.0.1:8091/message
                    format: gotify
                    token: ${GOTIFY_TOKEN}
                cameras:
                  gate:
                    source: 0
                """;
        Map<String, String> env = Map.of("GOTIFY_TOKEN", "Env-T0ken");
        LookoutConfig config = ConfigReader.read(yaml, file, TestConfigs.classNames(), env::get);

        WebhookConfig basic = config.webhooks().get(0);
        assertEquals("lookout", basic.username().orElseThrow());
        assertEquals("Hook-Pa55word", basic.password().orElseThrow().reveal());
        assertEquals("Env-T0ken", config.webhooks().get(1).token().orElseThrow().reveal());
        assertFalse(config.toString().contains("Hook-Pa55word") || config.toString().contains("Env-T0ken"));
        ConfigFile.save(config, file);
        String saved = Files.readString(file);
        assertTrue(saved.contains("password_file: hook.pw") && saved.contains("token: \"${GOTIFY_TOKEN}\""), saved);
        assertFalse(saved.contains("Hook-Pa55word") || saved.contains("Env-T0ken"), saved);
        assertEquals(config, ConfigReader.read(saved, file, TestConfigs.classNames(), env::get));
    }

    @Test
    void webhookCredentialsGivenHalfOrTwiceAreProblems(@TempDir Path tmp) {
        String yaml = """
                webhooks:
                  - url: http://127.0.0.1:8090/a
                    password: Pa55word
                  - url: http://bob:Pa55word@127.0.0.1:8090/b
                    username: bob
                    password: Pa55word
                  - url: http://127.0.0.1:8090/c
                    username: carol
                    password: Pa55word
                    token: Hook-Token-99
                cameras:
                  gate:
                    source: 0
                """;
        ConfigException e = assertThrows(ConfigException.class,
                () -> TestConfigs.parse(yaml, tmp.resolve("lookout.yml")));
        assertEquals(List.of(
                "3:15: webhooks[0].password: a password needs a username: add username:",
                "5:15: webhooks[1].username: the url holds credentials too: remove them from the url (keep "
                        + "username: and password:)",
                "10:12: webhooks[2].token: give a token or a username and password, not both (both are sent as "
                        + "the Authorization header)"),
                e.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
        assertNoSecret(e.getMessage());
    }

    @Test
    void aPasswordReadFromAFileIsMaskedInEveryMessage(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("mqtt.pw"), "File-Pa55word");
        String yaml = """
                mqtt:
                  url: tcp://127.0.0.1:1883
                  node: File-Pa55word!
                  password_file: mqtt.pw
                cameras:
                  gate:
                    source: 0
                """;
        ConfigException e = assertThrows(ConfigException.class,
                () -> TestConfigs.parse(yaml, tmp.resolve("lookout.yml")));
        assertEquals(List.of(
                "3:9: mqtt.node: '***!' may hold only letters, digits, '_' and '-': it is part of MQTT topics",
                "4:18: mqtt.password: a password needs a username: add username:"),
                e.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
    }

    @Test
    void anEmptyOrOverlongPasswordFileIsAProblemNamingTheFile(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("empty.pw"), "\nsecond");
        Files.writeString(tmp.resolve("long.pw"), "x".repeat(SecretReader.MAX_CHARS + 1));
        String yaml = """
                mqtt:
                  url: tcp://127.0.0.1:1883
                  username: u
                  password_file: empty.pw
                http:
                  password_file: long.pw
                cameras:
                  gate:
                    source: 0
                """;
        ConfigException e = assertThrows(ConfigException.class,
                () -> TestConfigs.parse(yaml, tmp.resolve("lookout.yml")));
        assertEquals(List.of(
                "4:18: mqtt.password_file: " + tmp.resolve("empty.pw") + " is empty: write the password on its "
                        + "first line",
                "6:18: http.password_file: the first line of " + tmp.resolve("long.pw") + " is longer than 4096 "
                        + "characters: write only the password on it"),
                e.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
    }

    private static void assertNoSecret(String message) {
        for (String secret : SECRETS) {
            assertFalse(message.contains(secret), "'" + secret + "' shows in:\n" + message);
        }
    }
}
