package dev.lookout.capture;

/** Loads openpnp's bundled OpenCV natives once per JVM; every class that touches a {@code Mat} calls this first. */
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
                nu.pattern.OpenCV.loadLocally();
                loaded = true;
            }
        }
    }
}
