package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which commands relaunch with the arena limit, the monitor's heap bound, and start-up times counted from the
 * user's launch, also in the relaunched child.
 */
class ArenaLimitedRelaunchTest {

    @AfterEach
    void clear() {
        System.clearProperty("lookout.launchedAtMillis");
    }

    @Test
    void withoutARelaunchTimeCountsFromThisJvmsStart() {
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long since = ArenaLimitedRelaunch.sinceLaunchMillis();
        assertTrue(since >= uptime && since < uptime + 1000, since + " vs uptime " + uptime);
    }

    @Test
    void inTheChildTimeCountsFromTheParentsStart() {
        long parentStart = System.currentTimeMillis() - 5_000;
        System.setProperty("lookout.launchedAtMillis", Long.toString(parentStart));
        long since = ArenaLimitedRelaunch.sinceLaunchMillis();
        assertTrue(since >= 5_000 && since < 6_000, "" + since);
    }

    @Test
    void onlyTheLongRunningCommandsAreRelaunched() {
        assertFalse(ArenaLimitedRelaunch.wanted(new String[] {"detect", "x.png"}));
        assertFalse(ArenaLimitedRelaunch.wanted(new String[] {"live", "--help"}));
        assertFalse(ArenaLimitedRelaunch.wanted(new String[] {"monitor", "--help"}));
        assertFalse(ArenaLimitedRelaunch.wanted(new String[] {"monitor", "-h"}));
        boolean linuxWithoutLimit = System.getenv(ArenaLimitedRelaunch.VARIABLE) == null
                && System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        assertEquals(linuxWithoutLimit, ArenaLimitedRelaunch.wanted(new String[] {"monitor", "--config", "x.yml"}));
        assertEquals(linuxWithoutLimit, ArenaLimitedRelaunch.wanted(new String[] {"live", "--source", "x.mp4"}));
    }

    @Test
    void theMonitorsChildGetsABoundedHeapUnlessTheUserChoseOne() {
        String[] monitor = {"monitor", "--config", "x.yml"};
        assertEquals(List.of("-Xmx256m", "-Dfoo=1"),
                ArenaLimitedRelaunch.childJvmOptions(monitor, List.of("-Dfoo=1")));
        for (String chosen : List.of("-Xmx2g", "-XX:MaxHeapSize=1g", "-XX:MaxRAMPercentage=10", "-XX:MaxRAM=4g")) {
            assertEquals(List.of("-Dfoo=1", chosen),
                    ArenaLimitedRelaunch.childJvmOptions(monitor, List.of("-Dfoo=1", chosen)), chosen);
        }
    }

    @Test
    void theLiveWindowsChildKeepsTheJvmsOwnOptions() {
        assertEquals(List.of("-Dfoo=1"),
                ArenaLimitedRelaunch.childJvmOptions(new String[] {"live", "--source", "x.mp4"}, List.of("-Dfoo=1")));
        assertEquals(List.of(), ArenaLimitedRelaunch.childJvmOptions(new String[] {}, List.of()));
    }
}
