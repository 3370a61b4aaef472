package dev.lookout.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs the long-running commands, the live window and {@code monitor}, in a child JVM whose glibc allocator keeps
 * at most two arenas, and gives the monitor a bounded Java heap and a fixed mmap threshold.
 *
 * <p>Why: capture (FFmpeg's decoder threads), detection (ONNX Runtime's pool), encoders and display allocate native
 * memory from many threads; glibc then creates up to 8 arenas per core and keeps each one's freed memory, so the
 * resident set of a long run climbs (live: ~50 MB over its first minutes; monitor, two cameras: its native part by
 * ~100 MB over 15 minutes, still rising) instead of levelling off. With {@code MALLOC_ARENA_MAX=2} it levels off
 * (docs/PERFORMANCE.md). glibc reads the variable only at process start, and {@code java -jar} cannot set it, so
 * these commands relaunch themselves once with it set.
 *
 * <p>The monitor's live Java data is ~20-25 MB per camera, but G1 grows the heap towards its default maximum (a
 * quarter of the machine's memory) whenever collections look slow, which on a loaded machine they do: with 512 MB
 * allowed, two cameras took 234 MB within 4 minutes and kept it. So the monitor's child gets a heap bound by its
 * number of cameras ({@link MonitorHeap}) unless the user's command line sets a heap size itself.
 *
 * <p>The monitor's child also gets {@link #MONITOR_MMAP_THRESHOLD}: video frames come and go in bursts (pre-roll
 * rings, clip queues), and glibc, after the first frame it frees, raises its mmap threshold to the frame size and
 * keeps every later frame in its arenas, so each new high-water mark of queued frames left the arenas larger for
 * good (+2 MB/min over 45 minutes with four cameras). With a fixed threshold every frame has its own mapping,
 * returned to the system when freed (docs/PERFORMANCE.md).
 */
final class ArenaLimitedRelaunch {

    static final String VARIABLE = "MALLOC_ARENA_MAX";
    /** glibc's mmap threshold; a set value also turns off glibc's dynamic raising of it. */
    static final String MMAP_THRESHOLD = "MALLOC_MMAP_THRESHOLD_";
    /** For the monitor's child: blocks of 512 KB and more (every video frame but the smallest) are mapped apart. */
    static final String MONITOR_MMAP_THRESHOLD = "524288";
    /** Prefixes of the JVM options that set the maximum heap (MaxRAM also MaxRAMPercentage, MaxRAMFraction). */
    private static final List<String> HEAP_OPTIONS = List.of("-Xmx", "-XX:MaxHeapSize=", "-XX:MaxRAM");

    private ArenaLimitedRelaunch() {
    }

    /** Set in the child: when the user's own JVM started (epoch ms), so start-up times include the relaunch. */
    private static final String LAUNCHED_AT = "lookout.launchedAtMillis";
    /** Set in the child: the parent's process id, which the child watches ({@link #exitWithParent()}). */
    static final String PARENT_PID = "lookout.parentPid";
    private static final long PARENT_POLL_MILLIS = 250;

    /**
     * In the relaunched child: exits as soon as its parent is gone, even when the parent was killed without a
     * chance to stop it ({@code kill -9}), so the camera and a recording never outlive the process the user
     * started. The exit runs the shutdown hooks, which close the window and finalize the files. Does nothing in a
     * process that was not relaunched.
     */
    static void exitWithParent() {
        long parentPid = Long.getLong(PARENT_PID, -1);
        if (parentPid <= 0) {
            return;
        }
        Thread watcher = new Thread(() -> {
            // the parent's pid, not just "a parent": a dead parent's child is adopted by init or a subreaper
            while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == parentPid) {
                try {
                    Thread.sleep(PARENT_POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("lookout: the process that started this one (pid " + parentPid
                    + ") is gone; stopping");
            System.exit(Main.EXIT_FAILED);
        }, "lookout-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Milliseconds since the user launched Lookout: since this JVM started, or its parent when relaunched. */
    static long sinceLaunchMillis() {
        long launched = Long.getLong(LAUNCHED_AT, -1);
        if (launched > 0) {
            return Math.max(0, System.currentTimeMillis() - launched);
        }
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    /**
     * True when {@code args} start the live window or the monitor on Linux in a process that does not limit its
     * arenas yet.
     */
    static boolean wanted(String[] args) {
        boolean live = args.length == 0 || args[0].startsWith("-") || args[0].equals("live");
        boolean monitor = isMonitor(args);
        boolean help = List.of(args).contains("--help") || List.of(args).contains("-h");
        return (live || monitor) && !help && System.getenv(VARIABLE) == null
                && !Boolean.getBoolean("lookout.noRelaunch")
                && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    private static boolean isMonitor(String[] args) {
        return args.length > 0 && args[0].equals("monitor");
    }

    /**
     * The child's JVM options: this JVM's own ({@code jvmArgs}), and for the monitor {@link MonitorHeap}'s first
     * unless they set a heap size (a later option wins, but the user's choice is then left alone entirely).
     */
    static List<String> childJvmOptions(String[] args, List<String> jvmArgs) {
        List<String> options = new ArrayList<>();
        boolean monitor = isMonitor(args);
        boolean heapChosen = jvmArgs.stream().anyMatch(a -> HEAP_OPTIONS.stream().anyMatch(a::startsWith));
        if (monitor && !heapChosen) {
            options.add(MonitorHeap.option(args));
        }
        options.addAll(jvmArgs);
        return options;
    }

    /**
     * Runs the same command line in a child JVM with the arena limit (and the monitor's heap bound) and returns
     * its exit code; empty when the child cannot be started (the caller then runs in this process). SIGTERM or
     * Ctrl+C here is passed on to the child, which finalizes recordings before it exits; if this process is killed
     * outright, the child notices and exits by itself ({@link #exitWithParent()}): to test a crash, kill the
     * child.
     */
    static Optional<Integer> run(String[] args) {
        Optional<String> java = ProcessHandle.current().info().command();
        if (java.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(childJvmOptions(args, ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.add("-D" + LAUNCHED_AT + "=" + ManagementFactory.getRuntimeMXBean().getStartTime());
        command.add("-D" + PARENT_PID + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(VARIABLE, "2");
        if (isMonitor(args)) {
            builder.environment().putIfAbsent(MMAP_THRESHOLD, MONITOR_MMAP_THRESHOLD);
        }
        Process child;
        try {
            child = builder.start();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        Thread forward = new Thread(() -> {
            if (child.isAlive()) {
                child.destroy(); // SIGTERM: the child's own shutdown hook closes the window and finalizes files
                try {
                    child.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "lookout-relaunch-forward");
        Runtime.getRuntime().addShutdownHook(forward);
        try {
            return Optional.of(child.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroy();
            return Optional.of(Main.EXIT_FAILED);
        }
    }
}
