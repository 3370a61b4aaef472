package dev.lookout.ui.wall;

import dev.lookout.config.CameraConfig;
import dev.lookout.config.ConfigException;
import dev.lookout.config.LookoutConfig;
import dev.lookout.track.zones.Regions;
import dev.lookout.ui.Banner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JOptionPane;

/**
 * What the wall's menus, watch toggle and line and zone editor change in the setup: each edit goes through
 * {@link WallSetup} (checked as {@code check-config} would; a refused edit is explained in the banner and changes
 * nothing) and, once accepted, restarts the monitor with the new configuration, except lines and zones, which the
 * running monitor takes over for that one camera ({@link LiveRegions}). Saving writes the same YAML file. Event
 * thread only.
 */
final class WallEdits {

    /** Gives a running camera other lines and zones without a restart. */
    interface LiveRegions {
        /** @return false when no monitor runs that camera now (the monitor is then restarted instead) */
        boolean apply(String camera, Regions regions);
    }

    /** What the watch toggle watches on a camera that watched nothing before. */
    static final List<String> DEFAULT_WATCH = List.of("person");

    private final JFrame frame;
    private final WallSetup setup;
    private final Banner banner;
    private final Consumer<LookoutConfig> restart;
    private final LiveRegions liveRegions;
    private final Map<String, List<String>> lastWatched = new HashMap<>();

    WallEdits(JFrame frame, WallSetup setup, Banner banner, Consumer<LookoutConfig> restart,
            LiveRegions liveRegions) {
        this.frame = frame;
        this.setup = setup;
        this.banner = banner;
        this.restart = restart;
        this.liveRegions = liveRegions;
    }

    void add() {
        CameraDialog.Entry e = CameraDialog.ask(frame, "Add camera",
                new CameraDialog.Entry("camera" + (setup.config().cameras().size() + 1), "", false, List.of()), false);
        if (e != null) {
            add(e);
        }
    }

    /** Adds the camera {@code e} describes (what the dialog's OK does). */
    void add(CameraDialog.Entry e) {
        apply(() -> setup.add(e.name(), e.source(), e.loop(), e.watch()));
    }

    void edit(String name) {
        CameraConfig c = setup.config().cameras().get(name);
        if (c == null) {
            return;
        }
        CameraDialog.Entry e = CameraDialog.ask(frame, "Edit camera " + name,
                new CameraDialog.Entry(name, c.source(), c.loop(), c.watch()), true);
        if (e != null) {
            apply(() -> setup.edit(name, e.source(), e.loop(), e.watch()));
        }
    }

    void remove(String name) {
        int answer = JOptionPane.showConfirmDialog(frame, "Remove camera " + name + " from the setup?",
                "Remove camera", JOptionPane.OK_CANCEL_OPTION);
        if (answer == JOptionPane.OK_OPTION) {
            removeNow(name);
        }
    }

    /** Removes camera {@code name} without asking (what the confirmation's OK does). */
    void removeNow(String name) {
        apply(() -> setup.remove(name));
    }

    /** Watches {@code name} again with the classes it watched last (person at first), or stops watching it. */
    void toggleWatch(String name) {
        CameraConfig c = setup.config().cameras().get(name);
        if (c == null) {
            return;
        }
        List<String> next;
        if (c.watch().isEmpty()) {
            next = lastWatched.getOrDefault(name, DEFAULT_WATCH);
        } else {
            lastWatched.put(name, c.watch());
            next = List.of();
        }
        apply(() -> setup.watch(name, next));
    }

    /**
     * Gives camera {@code name} the lines and zones drawn on its tile: counted by the running camera from its next
     * detected frame on, the other cameras untouched, and saved with the setup.
     *
     * @return false when the setup refused them (the banner says why; the caller shows the old ones again)
     */
    boolean setRegions(String name, Regions regions) {
        LookoutConfig next;
        try {
            next = setup.regions(name, regions);
        } catch (ConfigException e) {
            banner.show(Banner.Level.WARNING, "Lines and zones of " + name + " not changed: "
                    + CameraWall.describe(e), null, null);
            return false;
        }
        banner.hideBanner();
        if (!liveRegions.apply(name, regions)) {
            restart.accept(next);
        }
        return true;
    }

    void save() {
        try {
            setup.save();
            banner.show(Banner.Level.INFO, "Saved to " + setup.file() + "; run it without a window: lookout monitor "
                    + "--config " + setup.file(), null, null);
        } catch (IOException e) {
            banner.show(Banner.Level.ERROR, "Cannot save the setup: " + e.getMessage(), null, null);
        }
    }

    void saveAs() {
        JFileChooser chooser = new JFileChooser(setup.file().getParent().toFile());
        chooser.setSelectedFile(setup.file().toFile());
        if (chooser.showSaveDialog(frame) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path target = chooser.getSelectedFile().toPath();
        try {
            setup.saveAs(target);
            banner.show(Banner.Level.INFO, "Saved to " + setup.file(), null, null);
        } catch (IOException e) {
            banner.show(Banner.Level.ERROR, "Cannot save the setup: " + e.getMessage(), null, null);
        } catch (ConfigException e) {
            banner.show(Banner.Level.ERROR, "Cannot save the setup there: " + CameraWall.describe(e), null, null);
        }
    }

    /** Asks whether to save unsaved edits; false when the user cancels closing. */
    boolean mayClose() {
        if (!setup.changed()) {
            return true;
        }
        int answer = JOptionPane.showConfirmDialog(frame, "Save the changed setup to " + setup.file() + "?",
                "Close", JOptionPane.YES_NO_CANCEL_OPTION);
        if (answer == JOptionPane.YES_OPTION) {
            save();
            return !setup.changed();
        }
        return answer == JOptionPane.NO_OPTION;
    }

    private interface Edit {
        LookoutConfig run() throws ConfigException;
    }

    private void apply(Edit edit) {
        try {
            LookoutConfig next = edit.run();
            banner.hideBanner();
            restart.accept(next);
        } catch (ConfigException e) {
            banner.show(Banner.Level.WARNING, "Not changed: " + CameraWall.describe(e), null, null);
        }
    }
}
