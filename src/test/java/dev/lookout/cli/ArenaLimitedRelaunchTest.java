package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Start-up times count from the user's launch, also in the relaunched child. */
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
    void onlyTheLiveWindowIsRelaunched() {
        assertFalse(ArenaLimitedRelaunch.wanted(new String[] {"detect", "x.png"}));
        assertFalse(ArenaLimitedRelaunch.wanted(new String[] {"live", "--help"}));
    }
}
