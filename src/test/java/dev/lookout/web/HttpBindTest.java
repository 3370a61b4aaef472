package dev.lookout.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.config.HttpConfig;
import dev.lookout.config.Secret;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpBindTest {

    static final HttpConfig FILE = new HttpConfig("127.0.0.1", 8080, Optional.of(new Secret("pw")));

    @Test
    void readsPortAddressAndIpv6KeepingThePassword() {
        assertEquals(new HttpConfig("127.0.0.1", 9000, FILE.password()), HttpBind.parse("9000", FILE));
        assertEquals(new HttpConfig("0.0.0.0", 8081, FILE.password()), HttpBind.parse("0.0.0.0:8081", FILE));
        assertEquals(new HttpConfig("::1", 8082, FILE.password()), HttpBind.parse("[::1]:8082", FILE));
        assertEquals("[::1]:8082", HttpBind.parse(" [::1]:8082 ", FILE).bind());
        assertEquals(Optional.empty(), HttpBind.parse("8080", HttpConfig.DEFAULTS).password());
    }

    @Test
    void badFormsAreOneLineMessages() {
        for (String bad : new String[] {"", "http", ":8080", "host:", "::1:8080", "[::1]8080", "[::1", "8080x",
            "127.0.0.1:123456", null}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpBind.parse(bad, FILE));
            assertTrue(e.getMessage().startsWith("--http: '"), e.getMessage());
        }
        assertEquals("--http: port 70000 is outside 1..65535",
                assertThrows(IllegalArgumentException.class, () -> HttpBind.parse("70000", FILE)).getMessage());
        assertEquals("--http: port 0 is outside 1..65535",
                assertThrows(IllegalArgumentException.class, () -> HttpBind.parse("0", FILE)).getMessage());
    }

    @Test
    void anAddressOtherMachinesReachNeedsThePasswordOfTheFile() {
        for (String open : new String[] {"0.0.0.0:8080", "[::]:8080", "192.168.1.20:8080"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> HttpBind.parse(open, HttpConfig.DEFAULTS));
            assertTrue(e.getMessage().startsWith("--http: "), e.getMessage());
            assertTrue(e.getMessage().contains("set http: password: in lookout.yml"), e.getMessage());
        }
        assertEquals("127.0.0.2", HttpBind.parse("127.0.0.2:8080", HttpConfig.DEFAULTS).host());
    }
}
