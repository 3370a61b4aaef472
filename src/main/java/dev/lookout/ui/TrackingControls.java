package dev.lookout.ui;

import dev.lookout.live.LiveTracking;
import dev.lookout.track.zones.RegionTotals;
import dev.lookout.track.zones.Regions;
import java.util.function.Supplier;
import javax.swing.JButton;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;

/**
 * The window's tracking: the Tracking menu (tracking on or off, draw a line, draw a zone, edit, the counts table),
 * the {@link RegionEditor} layer and the {@link CountsPanel}. Lines and zones belong to the source playing: they
 * are loaded when a source starts, saved in the {@link Settings} whenever they change, and handed to the
 * {@link LiveTracking}. Event thread only.
 */
final class TrackingControls {

    private final LiveTracking tracking;
    private final Settings settings;
    private final Supplier<String> sourceSpec;
    private final RegionEditor editor;
    private final CountsPanel counts = new CountsPanel();
    private final StatusBar status;
    private final Banner banner;
    private final JButton button = new JButton("Tracking ▾");
    private final JCheckBoxMenuItem trackingItem = new JCheckBoxMenuItem("Track objects (ids, trails, counts)");
    private final JCheckBoxMenuItem tableItem = new JCheckBoxMenuItem("Show the counts table", true);
    private String loadedFor;
    private java.util.function.BooleanSupplier watching = () -> false;
    private java.util.function.Consumer<Boolean> onTracking = on -> { };
    private Boolean shownTracking;

    /**
     * @param sourceSpec the spec of the source playing (null before the first)
     */
    TrackingControls(LiveTracking tracking, Settings settings, Supplier<String> sourceSpec, VideoView video,
            StatusBar status, Banner banner) {
        this.tracking = tracking;
        this.settings = settings;
        this.sourceSpec = sourceSpec;
        this.status = status;
        this.banner = banner;
        this.editor = new RegionEditor(video, this::edited);
        tracking.setEnabled(settings.tracking());
        button.setFocusable(false);
        button.setToolTipText("Object tracking, counting lines and zones");
        JPopupMenu menu = new JPopupMenu();
        trackingItem.setSelected(tracking.isEnabled());
        trackingItem.addActionListener(e -> {
            if (!trackingItem.isSelected() && watching.getAsBoolean()) {
                trackingItem.setSelected(true);
                banner.show(Banner.Level.INFO, "Watching needs tracking: stop watching first.", null, null);
                return;
            }
            setTracking(trackingItem.isSelected());
        });
        menu.add(trackingItem);
        menu.addSeparator();
        editor.addModeItems(menu);
        menu.addSeparator();
        tableItem.addActionListener(e -> refresh());
        menu.add(tableItem);
        button.addActionListener(e -> menu.show(button, 0, button.getHeight()));
        counts.setVisible(false);
    }

    /** Hears whether tracking is on, at the next refresh after it changed (the toolbar greys out the slider). */
    void onTrackingChange(java.util.function.Consumer<Boolean> listener) {
        onTracking = listener;
    }

    /** Tells whether a watch runs (tracking cannot be switched off under it). */
    void watchingWhen(java.util.function.BooleanSupplier value) {
        watching = value;
    }

    JButton button() {
        return button;
    }

    RegionEditor editor() {
        return editor;
    }

    CountsPanel counts() {
        return counts;
    }

    /** Tracking on or off (the menu's check box; a watch turns it on), remembered in the settings. */
    void setTracking(boolean on) {
        setTracking(on, true);
    }

    /** Tracking on or off; {@code remember}: also for the next runs. */
    void setTracking(boolean on, boolean remember) {
        tracking.setEnabled(on);
        if (remember) {
            settings.tracking(on);
        }
        trackingItem.setSelected(on);
        refresh();
    }

    /**
     * Uses {@code value} for the source playing now (the command line's {@code --line}/{@code --zone}), saved as
     * if drawn.
     */
    void seed(Regions value) {
        loadedFor = sourceSpec.get();
        editor.setRegions(value);
        edited(value);
    }

    /** A finished edit: counted from the next frame, saved for the source. */
    private void edited(Regions value) {
        tracking.setRegions(value);
        String spec = sourceSpec.get();
        if (spec != null) {
            try {
                settings.regions(spec, value);
                settings.flush();
            } catch (IllegalArgumentException e) {
                banner.show(Banner.Level.WARNING, "Lines and zones not saved: " + e.getMessage(), null, null);
            }
        }
        refresh();
    }

    /**
     * Twice a second with the status bar: loads the lines and zones of a source that just started, and shows the
     * counts in the status bar and the table.
     */
    void refresh() {
        String spec = sourceSpec.get();
        if (spec != null && !spec.equals(loadedFor)) {
            loadedFor = spec;
            Regions saved = settings.regions(spec);
            editor.setRegions(saved);
            tracking.setRegions(saved);
        }
        trackingItem.setSelected(tracking.isEnabled());
        if (!Boolean.valueOf(tracking.isEnabled()).equals(shownTracking)) {
            shownTracking = tracking.isEnabled();
            onTracking.accept(shownTracking);
        }
        RegionTotals totals = tracking.totals();
        counts.show(totals);
        boolean table = tracking.isEnabled() && tableItem.isSelected() && !editor.regions().isEmpty();
        if (counts.isVisible() != table) {
            counts.setVisible(table);
            counts.revalidate();
        }
        status.setCounts(tracking.isEnabled() ? totals.summary() : "");
    }
}
