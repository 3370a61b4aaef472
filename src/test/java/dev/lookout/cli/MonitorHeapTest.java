package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor's heap bound grows with its cameras, and a file it cannot count gets the minimum. */
class MonitorHeapTest {

    @TempDir
    Path dir;

    @Test
    void theHeapGrowsWithTheCamerasOfTheFileAboveTheMinimum() throws Exception {
        assertEquals("-Xmx256m", MonitorHeap.option(monitor(cameras(1))));
        assertEquals("-Xmx256m", MonitorHeap.option(monitor(cameras(4))));
        assertEquals("-Xmx576m", MonitorHeap.option(monitor(cameras(9))));
        assertEquals("-Xmx1024m", MonitorHeap.option(new String[] {"monitor", "--config=" + cameras(16)}));
    }

    @Test
    void aFileThatCannotBeCountedGetsTheMinimumAndTheMonitorReportsIt() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yml"), "cameras: [unclosed\n  a: {");
        Path listed = Files.writeString(dir.resolve("list.yml"), "cameras:\n  - a\n  - b\n");
        for (Path file : List.of(broken, listed, dir.resolve("missing.yml"), dir)) {
            assertEquals("-Xmx256m", MonitorHeap.option(monitor(file)), file.toString());
        }
        assertEquals("-Xmx256m", MonitorHeap.option(new String[] {"monitor", "--config"}));
        assertEquals("-Xmx256m", MonitorHeap.option(new String[] {"monitor"}));
    }

    private Path cameras(int n) throws Exception {
        StringBuilder yaml = new StringBuilder("storage: data\ncameras:\n");
        for (int i = 0; i < n; i++) {
            yaml.append("  cam").append(i).append(":\n    source: ").append(i).append('\n');
        }
        return Files.writeString(dir.resolve(n + ".yml"), yaml);
    }

    private static String[] monitor(Path config) {
        return new String[] {"monitor", "--config", config.toString(), "--json-log"};
    }
}
