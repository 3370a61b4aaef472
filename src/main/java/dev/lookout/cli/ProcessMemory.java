package dev.lookout.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident memory and CPU time, for {@code bench}. */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /**
     * CPU time used by the whole process (all threads) in nanoseconds, or -1 when the JVM cannot tell; on Linux it
     * advances in 10 ms ticks, so only sums over many calls are meaningful.
     */
    static long cpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Resident set size in bytes from {@code /proc/self/status} (Linux), or -1 where it is not available. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
