package dev.lookout.detect;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A cheap check for an NVIDIA driver, done before asking ONNX Runtime for CUDA: on a machine without one,
 * {@code addCUDA} spends seconds unpacking a 369 MB library only to fail.
 */
final class NvidiaDriver {

    private NvidiaDriver() {
    }

    /** What shows a driver is installed ({@code /proc/driver/nvidia/version}, ...), or empty when nothing does. */
    static Optional<String> evidence() {
        Path proc = Path.of("/proc/driver/nvidia/version");
        if (Files.isReadable(proc)) {
            return Optional.of(proc.toString());
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        if (windows) {
            String root = System.getenv().getOrDefault("SystemRoot", "C:\\Windows");
            Path nvcuda = Path.of(root, "System32", "nvcuda.dll");
            if (Files.isRegularFile(nvcuda)) {
                return Optional.of(nvcuda.toString());
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            String exe = windows ? "nvidia-smi.exe" : "nvidia-smi";
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue;
                }
                try {
                    Path smi = Path.of(dir, exe);
                    if (Files.isExecutable(smi)) {
                        return Optional.of(smi.toString());
                    }
                } catch (RuntimeException e) {
                    // a malformed PATH entry: skip it
                }
            }
        }
        return Optional.empty();
    }

    /** Where the check looked, for messages when it finds nothing. */
    static String placesLooked() {
        return "no /proc/driver/nvidia/version, no nvidia-smi on PATH"
                + (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                        ? ", no System32\\nvcuda.dll" : "");
    }
}
