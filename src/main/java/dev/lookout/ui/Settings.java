package dev.lookout.ui;

import dev.lookout.detect.ClassNames;
import dev.lookout.capture.UrlRedaction;
import dev.lookout.track.zones.Regions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The window's settings that outlive a run (java.util.prefs): detection options, theme, last source, window size,
 * tracking on or off, and each source's counting lines and zones. Sources with credentials in them are never stored.
 */
public final class Settings {

    /** The preferences node the application uses. */
    public static final String NODE = "dev/lookout/live";

    private final Preferences prefs;

    /** Settings in {@code prefs}, e.g. {@code Preferences.userRoot().node(NODE)}. */
    public Settings(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The user's settings for the application. */
    public static Settings forUser() {
        return new Settings(Preferences.userRoot().node(NODE));
    }

    /** Detection threshold, default 0.5 as TF.js. */
    public double minScore() {
        return prefs.getDouble("minScore", 0.5);
    }

    /** Stores the detection threshold. */
    public void minScore(double value) {
        prefs.putDouble("minScore", value);
    }

    /** At most this many boxes, default 20 as TF.js. */
    public int maxBoxes() {
        return prefs.getInt("maxBoxes", 20);
    }

    /** Stores the box limit. */
    public void maxBoxes(int value) {
        prefs.putInt("maxBoxes", value);
    }

    /** The class filter; empty shows all classes. */
    public Set<String> classes() {
        return ClassNames.parse(prefs.get("classes", ""));
    }

    /** Stores the class filter. */
    public void classes(Set<String> value) {
        prefs.put("classes", String.join(",", value));
    }

    /** {@code dark} or {@code light}; dark by default, as video apps are. */
    public String theme() {
        return prefs.get("theme", "dark");
    }

    /** Stores the theme. */
    public void theme(String value) {
        prefs.put("theme", value);
    }

    /** The last source the user picked, or {@code null}. */
    public String lastSource() {
        return prefs.get("lastSource", null);
    }

    /** Stores the last source unless it carries credentials ({@code user:pass@}, {@code ?token=...}). */
    public void lastSource(String spec) {
        if (spec == null || dev.lookout.capture.UrlRedaction.hasCredentials(spec)) {
            prefs.remove("lastSource");
        } else {
            prefs.put("lastSource", spec);
        }
    }

    /** The window's last bounds as {@code x,y,w,h}, or {@code null}. */
    public int[] windowBounds() {
        String v = prefs.get("window", null);
        if (v == null) {
            return null;
        }
        try {
            String[] p = v.split(",");
            return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                Integer.parseInt(p[3])};
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Stores the window's bounds. */
    public void windowBounds(int x, int y, int w, int h) {
        prefs.put("window", x + "," + y + "," + w + "," + h);
    }

    /** True when the window tracks objects (ids, trails, counts); on unless the user switched it off. */
    public boolean tracking() {
        return prefs.getBoolean("tracking", true);
    }

    /** Stores whether the window tracks objects. */
    public void tracking(boolean value) {
        prefs.putBoolean("tracking", value);
    }

    /**
     * The counting lines and zones saved for {@code sourceSpec} ({@link Regions#NONE} when none were saved or
     * what was saved no longer reads).
     */
    public Regions regions(String sourceSpec) {
        String text = prefs.node("regions").get(regionsKey(sourceSpec), "");
        try {
            return Regions.parse(text);
        } catch (IllegalArgumentException e) {
            return Regions.NONE; // a damaged entry: start again rather than fail the window
        }
    }

    /**
     * Saves the counting lines and zones of {@code sourceSpec} (none: forgets them).
     *
     * @throws IllegalArgumentException when they are too many to store (their text is over 8 KB)
     */
    public void regions(String sourceSpec, Regions value) {
        Preferences node = prefs.node("regions");
        String key = regionsKey(sourceSpec);
        String text = value.format();
        if (text.isEmpty()) {
            node.remove(key);
        } else if (text.length() > Preferences.MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("too many lines and zones to save (" + text.length()
                    + " characters, at most " + Preferences.MAX_VALUE_LENGTH + ")");
        } else {
            node.put(key, text);
        }
    }

    /**
     * The key of a source's regions: a hash of its spec with any password masked, so that no credential is stored
     * and keys stay short (the preferences' limit is 80 characters).
     */
    static String regionsKey(String sourceSpec) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    UrlRedaction.redact(sourceSpec).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Writes the settings to disk now; a failure only loses the settings, so it is ignored. */
    public void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // settings are a convenience: never fail the application for them
        }
    }
}
