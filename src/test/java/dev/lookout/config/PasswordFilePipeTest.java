package dev.lookout.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lookout.testsupport.IntegrationTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code password_file:} that is a pipe or a device is refused before it is opened: a FIFO without a writer
 * blocked check-config for ever, and {@code /dev/zero} was read to the length cap. Needs {@code mkfifo} (a process).
 */
@IntegrationTest
class PasswordFilePipeTest {

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a regression fails, not hangs
    void aPipeOrDeviceAsPasswordFileIsRefusedNotReadUntilItEnds(@TempDir Path tmp) throws Exception {
        Path fifo = tmp.resolve("pw.fifo");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        String yaml = """
                mqtt:
                  url: tcp://127.0.0.1:1883
                  username: u
                  password_file: pw.fifo
                http:
                  password_file: /dev/zero
                cameras:
                  gate:
                    source: 0
                """;
        ConfigException e = assertThrows(ConfigException.class,
                () -> TestConfigs.parse(yaml, tmp.resolve("lookout.yml")));
        assertEquals(List.of(
                "4:18: mqtt.password_file: " + fifo + " is not a regular file: write the password into a file",
                "6:18: http.password_file: /dev/zero is not a regular file: write the password into a file"),
                e.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList());
    }

}
