package dev.lookout.capture;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Reference;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.jar.JarEntry;
import org.opencv.core.Mat;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.VideoWriter;

/**
 * Loads openpnp's bundled OpenCV natives once per JVM; every class that touches a {@code Mat} calls this first.
 *
 * <p>openpnp copies its 65 MB library out of the jar into a new temporary folder on every start, which took about
 * 1 s of the live window's start-up here. The library is copied once instead, into Lookout's cache folder under
 * a name that includes the jar entry's CRC and size, and loaded from there; when that is not possible (no writable
 * home, another platform layout) openpnp's own loader runs as before.
 */
public final class OpenCv {

    private static volatile boolean loaded;

    private OpenCv() {
    }

    /** Loads the OpenCV natives if they are not loaded yet; safe to call from any thread, any number of times. */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (OpenCv.class) {
            if (!loaded) {
                if (!loadCached()) {
                    nu.pattern.OpenCV.loadLocally();
                }
                loaded = true;
            }
        }
    }

    /**
     * Releases {@code mat}'s pixels, keeping the {@code Mat} reachable until the native call has returned. OpenCV's
     * Java {@code Mat} deletes its native header in {@code finalize()} and its {@code release()} hands native code only
     * the header's address, so when a plain {@code release()} is an object's last use the collector may finalize it
     * meanwhile: the header (a small malloc block) and its pixels are then freed under {@code release}, which goes on
     * to write the freed header. Every {@code Mat} is released through here.
     */
    public static void release(Mat mat) {
        try {
            mat.release();
        } finally {
            Reference.reachabilityFence(mat);
        }
    }

    /** Closes {@code capture}, kept reachable meanwhile: the same finalizer race as {@link #release(Mat)}. */
    public static void release(VideoCapture capture) {
        try {
            capture.release();
        } finally {
            Reference.reachabilityFence(capture);
        }
    }

    /** Finishes {@code writer}, kept reachable meanwhile: the same finalizer race as {@link #release(Mat)}. */
    public static void release(VideoWriter writer) {
        try {
            writer.release();
        } finally {
            Reference.reachabilityFence(writer);
        }
    }

    /** The folder native libraries are cached in: {@code $XDG_CACHE_HOME/lookout/natives} or {@code ~/.cache/...}. */
    static Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("lookout").resolve("natives");
    }

    private static boolean loadCached() {
        String resource = bundledLibrary();
        URL url = resource == null ? null : OpenCv.class.getClassLoader().getResource(resource);
        if (url == null) {
            return false;
        }
        try {
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                return false;
            }
            JarEntry entry = jar.getJarEntry();
            String file = Path.of(resource).getFileName().toString();
            Path cached = cacheFolder().resolve(String.format("%08x-%d-%s", entry.getCrc(), entry.getSize(), file));
            if (!Files.isRegularFile(cached) || Files.size(cached) != entry.getSize()) {
                Files.createDirectories(cached.getParent());
                // Copy beside it, then rename: a second Lookout starting at the same moment never loads half a file.
                Path part = Files.createTempFile(cached.getParent(), file, ".part");
                try (InputStream in = jar.getInputStream()) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(part, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(part);
                }
            }
            System.load(cached.toAbsolutePath().toString());
            return true;
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** Where openpnp keeps the library for this platform, or null where Lookout does not know its layout. */
    private static String bundledLibrary() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            return null;
        }
        String name = System.mapLibraryName(org.opencv.core.Core.NATIVE_LIBRARY_NAME);
        if (os.contains("linux")) {
            return "nu/pattern/opencv/linux/x86_64/" + name;
        }
        if (os.contains("windows")) {
            return "nu/pattern/opencv/windows/x86_64/" + name;
        }
        return null;
    }
}
