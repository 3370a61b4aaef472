package dev.lookout.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real, small file system (a tmpfs of a few hundred KB mounted on a temporary folder) for tests of a disk that
 * fills up: writes fail with the system's own "No space left on device". Mounting needs root, as in CI; elsewhere
 * the test is skipped with a message (failed in CI, like missing test data).
 */
public final class SmallDisk implements AutoCloseable {

    private final Path mountPoint;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code kilobytes} on a new folder under {@code parent}. */
    public static SmallDisk mount(Path parent, int kilobytes) throws IOException, InterruptedException {
        return mount(parent, kilobytes, "");
    }

    /**
     * Mounts a tmpfs of {@code kilobytes} with extra mount {@code options} ({@code "ro"}, {@code "noexec"}, ...)
     * on a new folder under {@code parent}.
     */
    public static SmallDisk mount(Path parent, int kilobytes, String options) throws IOException,
            InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            String message = "mounting a small tmpfs to fill needs root";
            if ("1".equals(System.getenv("LOOKOUT_REQUIRE_TESTDATA"))) {
                fail(message + " (required: LOOKOUT_REQUIRE_TESTDATA=1)");
            }
            System.err.println("SKIPPED: " + message);
            assumeTrue(false, message);
        }
        Path folder = Files.createTempDirectory(parent, "small-disk");
        run(List.of("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k" + (options.isEmpty() ? "" : "," + options), "tmpfs", folder.toString()));
        return new SmallDisk(folder);
    }

    /** Makes the mounted file system read-only, as a copy on read-only media is. */
    public void remountReadOnly() throws IOException, InterruptedException {
        run(List.of("mount", "-o", "remount,ro", mountPoint.toString()));
    }

    /** The mounted folder. */
    public Path path() {
        return mountPoint;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of("umount", "-l", mountPoint.toString()));
    }
}
