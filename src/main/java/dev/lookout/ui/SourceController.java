package dev.lookout.ui;

import dev.lookout.capture.SourceState;
import dev.lookout.live.PlaybackOptions;
import java.awt.Color;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JFileChooser;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPopupMenu;

/**
 * The window's source: what plays (camera, file, folder, stream), the source menu (cameras found, recent source,
 * file and URL dialogs, demo clip), the fall-back to the demo clip when no camera opens, pausing, and what the
 * status bar and banner say about the source's {@link SourceState}. Event thread only, except where noted.
 */
final class SourceController {

    static final Color PLAYING = new Color(0x2DA44E);
    static final Color WAITING = new Color(0xD29922);
    static final Color FAILED = new Color(0xE5484D);
    static final Color IDLE = new Color(0x8B949E);

    private final WindowParts parts;
    private final List<Integer> cameras = new ArrayList<>();
    private String currentSpec;
    private String currentDescription = "";
    private boolean fellBackToDemo;
    private boolean sourcePlaying;
    private Runnable remoteEvents;

    SourceController(WindowParts parts) {
        this.parts = parts;
    }

    /** The current source's name for the user (credentials masked); empty before the first. */
    String description() {
        return currentDescription;
    }

    /** The spec of the source chosen last (camera index, file, folder or URL), or null before the first. */
    String spec() {
        return currentSpec;
    }

    /** True once a source has been chosen. */
    boolean started() {
        return currentSpec != null;
    }

    /** Plays {@code spec} (camera index, file, folder or URL) instead of the current source. */
    void play(String spec) {
        play(spec, parts.config().playback());
    }

    private void play(String spec, PlaybackOptions playback) {
        rememberAsRecent(currentSpec);
        currentSpec = spec;
        currentDescription = parts.config().sources().describe(spec);
        parts.frame().setTitle("Lookout — " + currentDescription);
        parts.overlay().clear();
        parts.video().clear("Opening " + currentDescription + "…");
        parts.status().setSource("Opening", WAITING, currentDescription);
        if (parts.banner().level() != Banner.Level.INFO || !fellBackToDemo) {
            parts.banner().hideBanner();
        }
        setPaused(false);
        String description = currentDescription;
        SourceCatalog sources = parts.config().sources();
        // Stopping the previous source may wait for its thread: never on the event thread.
        parts.worker().execute(() -> parts.pipeline().play(description,
                states -> sources.open(spec, playback, states)));
    }

    /** Keeps the source being played for the source menu's "Recent" entry (at exit). */
    void rememberCurrent() {
        rememberAsRecent(currentSpec);
    }

    /** Keeps a source the user leaves (or had at exit) for the source menu's "Recent" entry; never the demo. */
    private void rememberAsRecent(String spec) {
        if (spec != null && !spec.equals(DemoClip.find().map(Path::toString).orElse(null))) {
            parts.config().settings().lastSource(spec);
        }
    }

    /** Pauses or resumes, with the button and the status bar. */
    void setPaused(boolean paused) {
        parts.pipeline().setPaused(paused);
        parts.controls().showPaused(paused);
        if (sourcePlaying && paused) {
            parts.status().setSource("Paused", IDLE, currentDescription);
        } else if (sourcePlaying) {
            parts.status().setSource(playingText(), PLAYING, currentDescription);
        }
    }

    /** "Playing", or why the demo clip plays instead of a camera. */
    private String playingText() {
        boolean demo = fellBackToDemo && currentSpec != null
                && currentSpec.equals(DemoClip.find().map(Path::toString).orElse(""));
        return demo ? "No camera — playing the demo clip" : "Playing";
    }

    private void playDemo(String why) {
        var demo = DemoClip.find();
        if (demo.isEmpty()) {
            parts.banner().show(Banner.Level.ERROR, why + " The demo clip (" + DemoClip.RELATIVE_PATH
                    + ") is missing too: choose a video file or a stream.", "Choose a source…", this::showMenu);
            return;
        }
        fellBackToDemo = true;
        parts.banner().show(Banner.Level.INFO, why + " Playing the demo clip.", "Choose a source…", this::showMenu);
        play(demo.get().toString(), parts.config().playback().withLoop(true));
    }

    /** Shows a state of the current source; news from a source the user has already left is ignored. */
    void stateChanged(SourceState state) {
        if (!state.source().equals(currentDescription)) {
            return;
        }
        StatusBar status = parts.status();
        Banner banner = parts.banner();
        sourcePlaying = state.kind() == SourceState.Kind.LIVE;
        switch (state.kind()) {
            case OPENING -> status.setSource("Opening", WAITING, state.source());
            case LIVE -> {
                if (parts.pipeline().isPaused()) {
                    status.setSource("Paused", IDLE, state.source());
                } else {
                    status.setSource(playingText(), PLAYING, state.source());
                }
                if (!state.message().isEmpty()) {
                    banner.show(Banner.Level.WARNING, state.message(), null, null);
                } else if (banner.level() == Banner.Level.WARNING) {
                    banner.hideBanner();
                }
            }
            case STALLED -> status.setSource("Stalled", WAITING, state.source());
            case RECONNECTING -> {
                status.setSource("Reconnecting…", WAITING, state.source());
                banner.show(Banner.Level.WARNING, state.source() + ": " + state.message(),
                        "Choose another source…", this::showMenu);
            }
            case ENDED -> {
                status.setSource("Ended", IDLE, state.source());
                if (!state.message().isEmpty()) {
                    banner.show(Banner.Level.WARNING, state.source() + ": " + state.message(),
                            "Choose another source…", this::showMenu);
                }
            }
            case OFFLINE -> {
                status.setSource("Failed", FAILED, state.source());
                if (currentSpec != null && parts.config().sources().isCamera(currentSpec)
                        && !parts.config().sourceGiven() && !fellBackToDemo) {
                    playDemo("No camera could be opened (" + state.message() + ").");
                } else {
                    parts.video().setPlaceholder("Cannot play " + state.source());
                    banner.show(Banner.Level.ERROR, "Cannot play " + state.source() + ": " + state.message(),
                            "Choose another source…", this::showMenu);
                }
            }
            case STOPPED -> { }
            default -> throw new IllegalStateException(state.kind().toString());
        }
    }

    /** Adds "Remote events…" to the source menu, running {@code action} when chosen. */
    void offerRemoteEvents(Runnable action) {
        remoteEvents = action;
    }

    /** The source menu under the toolbar's source button. */
    void showMenu() {
        JPopupMenu menu = new JPopupMenu();
        synchronized (cameras) {
            if (cameras.isEmpty()) {
                JMenuItem none = new JMenuItem("No camera found");
                none.setEnabled(false);
                menu.add(none);
            }
            for (int index : cameras) {
                JMenuItem item = new JMenuItem("Camera " + index);
                item.addActionListener(e -> play(Integer.toString(index)));
                menu.add(item);
            }
        }
        String recent = parts.config().settings().lastSource();
        if (recent != null && !recent.equals(currentSpec)) {
            menu.addSeparator();
            JMenuItem item = new JMenuItem("Recent: " + parts.config().sources().describe(recent));
            item.setToolTipText(parts.config().sources().describe(recent));
            item.addActionListener(e -> play(recent));
            menu.add(item);
            menu.addSeparator();
        }
        JMenuItem rescan = new JMenuItem("Look for cameras again");
        rescan.addActionListener(e -> parts.worker().execute(this::scanCameras));
        menu.add(rescan);
        menu.addSeparator();
        JMenuItem file = new JMenuItem("Open file or folder…");
        file.addActionListener(e -> chooseFile());
        menu.add(file);
        JMenuItem url = new JMenuItem("Open stream URL…");
        url.addActionListener(e -> chooseUrl());
        menu.add(url);
        DemoClip.find().ifPresent(demo -> {
            JMenuItem item = new JMenuItem("Demo clip");
            item.addActionListener(e -> play(demo.toString(), parts.config().playback().withLoop(true)));
            menu.add(item);
        });
        if (remoteEvents != null) {
            menu.addSeparator();
            JMenuItem remote = new JMenuItem("Remote events…");
            remote.setToolTipText("Events and state of every Lookout node on an MQTT broker");
            remote.addActionListener(e -> remoteEvents.run());
            menu.add(remote);
        }
        ControlBar controls = parts.controls();
        menu.show(controls.source, 0, controls.source.getHeight());
    }

    /** Looks for cameras for the menu; slow, so on the worker thread. */
    void scanCameras() {
        List<Integer> found = parts.config().sources().cameras();
        synchronized (cameras) {
            cameras.clear();
            cameras.addAll(found);
        }
    }

    private void chooseFile() {
        JFileChooser chooser = new JFileChooser();
        chooser.setFileSelectionMode(JFileChooser.FILES_AND_DIRECTORIES);
        chooser.setDialogTitle("Open a video, an image or a folder of images");
        if (chooser.showOpenDialog(parts.frame()) == JFileChooser.APPROVE_OPTION) {
            File f = chooser.getSelectedFile();
            play(f.getAbsolutePath());
        }
    }

    private void chooseUrl() {
        String url = (String) JOptionPane.showInputDialog(parts.frame(),
                "Stream URL (rtsp://, http://, https://, udp://…):", "Open stream", JOptionPane.PLAIN_MESSAGE,
                null, null, "rtsp://");
        if (url != null && !url.isBlank() && !url.trim().equals("rtsp://")) {
            play(url.trim());
        }
    }
}
