package dev.lookout.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    private static void assertNoSecret(String message) {
        for (String secret : SECRETS) {
            assertFalse(message.contains(secret), "'" + secret + "' shows in:\n" + message);
        }
    }
}
