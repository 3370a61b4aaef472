package dev.lookout.onnx;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Removes the temporary folder ONNX Runtime's Java binding unpacks its libraries into, when the JVM exits.
 *
 * <p>The binding (1.23) marks the folder for deletion on exit after its files, so the JVM tries the folder first,
 * while it is not yet empty, and every run left an empty {@code onnxruntime-java*} folder in the temp directory.
 * A shutdown hook (which runs before the JVM's delete-on-exit list) removes the folder and its files instead; the
 * libraries are already mapped, which Linux and macOS allow. Where the folder cannot be found (another binding
 * version) nothing happens.
 */
public final class OrtTempFolder {

    private static final AtomicBoolean REGISTERED = new AtomicBoolean();

    private OrtTempFolder() {
    }

    /** Registers the clean-up once per JVM, after ONNX Runtime has loaded. */
    public static void removeOnExit() {
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")
                || !REGISTERED.compareAndSet(false, true)) {
            return; // Windows cannot delete a loaded DLL: leave it to the binding.
        }
        Path folder = folder();
        if (folder == null) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder), "lookout-ort-temp-cleanup"));
    }

    /** The binding's temporary folder, or null. */
    static Path folder() {
        try {
            Class<?> runtime = Class.forName("ai.onnxruntime.OnnxRuntime");
            Field field = runtime.getDeclaredField("tempDirectory");
            field.setAccessible(true);
            Object value = field.get(null);
            return value instanceof Path p && p.getFileName().toString().startsWith("onnxruntime-java") ? p : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a file still in use: the JVM's own delete-on-exit gets another try
                }
            });
        } catch (IOException | RuntimeException e) {
            // already gone
        }
    }
}
