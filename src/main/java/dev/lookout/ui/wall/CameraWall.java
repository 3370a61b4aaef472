package dev.lookout.ui.wall;

import dev.lookout.capture.SourceOptions;
import dev.lookout.config.CameraConfig;
import dev.lookout.config.ConfigException;
import dev.lookout.config.LookoutConfig;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.monitor.CameraFeed;
import dev.lookout.monitor.CameraRegions;
import dev.lookout.monitor.Monitor;
import dev.lookout.monitor.MonitorLog;
import dev.lookout.track.zones.Regions;
import dev.lookout.ui.Banner;
import dev.lookout.ui.DesktopOpener;
import dev.lookout.ui.RegionEditor;
import java.awt.BorderLayout;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.Timer;
import javax.swing.WindowConstants;

/**
 * The camera wall ({@code lookout live --config lookout.yml}): every camera of the configuration as a live tile in a
 * grid, painted from the frames of the same {@link Monitor} that {@code lookout monitor} runs (one shared detector,
 * the store, clips), with every camera's events in a list beside it. A click or keys 1–9 enlarge one camera with its
 * snapshot, record and watch controls and its line and zone editor; Esc or 0 go back. Cameras added, edited or
 * removed through the menus restart the monitor with the new setup; lines and zones drawn on an enlarged camera
 * are counted at once by that camera, without a restart. File ▸ Save writes the setup back to the same YAML file.
 * Event thread only.
 */
final class CameraWall implements WallMenus.Actions {

    private final WallSetup setup;
    private final WallSession session;
    private final Path outputs;
    private final JFrame frame = new JFrame();
    private final TileLayout layout = new TileLayout();
    private final JPanel tilesPanel = new JPanel(layout);
    private final Banner banner = new Banner();
    private final EnlargedBar enlargedBar = new EnlargedBar();
    private final WallEventList events = new WallEventList();
    private final JLabel status = new JLabel(" ");
    private final WallMenus menus = new WallMenus(this);
    private final List<WallTile> tiles = new ArrayList<>();
    private final Timer refresh = new Timer(500, e -> refresh());
    private final CountDownLatch closed = new CountDownLatch(1);
    private final WallEdits edits;
    private boolean shutDown;
    private String enlargedName; // the camera enlarged, kept across restarts of the monitor

    /**
     * @param outputs the folder that gets {@code snapshots/CAMERA/} and {@code recordings/CAMERA/} from the buttons
     */
    CameraWall(WallSetup setup, CocoSsdDetector detector, MonitorLog log, SourceOptions sourceOptions, Path outputs) {
        this.setup = setup;
        this.outputs = outputs;
        this.session = new WallSession(setup.file(), detector, log, sourceOptions, new WallEvents(events));
        this.edits = new WallEdits(frame, setup, banner, this::restart, (camera, regions) -> {
            Monitor running = session.current();
            return running != null && running.setRegions(camera, regions);
        });
        layoutWindow();
        bindKeys();
        enlargedBar.back.addActionListener(e -> showGrid());
        enlargedBar.snapshot.addActionListener(e -> onEnlarged(t -> t.actions.snapshot()));
        enlargedBar.record.addActionListener(e -> onEnlarged(t -> {
            t.actions.toggleRecording();
            showEnlargedBar();
        }));
        enlargedBar.watch.addActionListener(e -> onEnlarged(t -> edits.toggleWatch(t.feed.name())));
        enlargedBar.regions.addActionListener(e -> onEnlarged(t -> {
            JPopupMenu menu = new JPopupMenu();
            t.editor.addModeItems(menu);
            menu.show(enlargedBar.regions, 0, enlargedBar.regions.getHeight());
        }));
    }

    private void layoutWindow() {
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                quit();
            }
        });
        frame.setJMenuBar(menus.bar());
        tilesPanel.setBackground(java.awt.Color.BLACK);
        events.onOpen(new DesktopOpener(banner, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lookout-wall-open");
            t.setDaemon(true);
            return t;
        }))::open);
        JPanel center = new JPanel(new BorderLayout());
        JPanel top = new JPanel(new BorderLayout());
        top.add(banner, BorderLayout.NORTH);
        top.add(enlargedBar, BorderLayout.SOUTH);
        center.add(top, BorderLayout.NORTH);
        center.add(tilesPanel, BorderLayout.CENTER);
        center.add(events, BorderLayout.EAST);
        status.setBorder(javax.swing.BorderFactory.createEmptyBorder(3, 8, 3, 8));
        frame.getContentPane().add(center, BorderLayout.CENTER);
        frame.getContentPane().add(status, BorderLayout.SOUTH);
        frame.setSize(1280, 820);
        frame.setLocationRelativeTo(null);
        updateTitle();
    }

    private void bindKeys() {
        WallKeys.install(frame.getRootPane(), this::enlarge, this::showGrid,
                () -> onEnlarged(t -> t.actions.snapshot()), () -> onEnlarged(t -> enlargedBar.record.doClick()));
    }

    /** Does {@code action} with the enlarged camera, if one is enlarged (none while the monitor restarts). */
    private void onEnlarged(java.util.function.Consumer<WallTile> action) {
        WallTile t = enlargedTile();
        if (t != null) {
            action.accept(t);
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /** Shows the window and starts the monitor for the setup. */
    void open() {
        frame.setVisible(true);
        refresh.start();
        restart(setup.config());
    }

    /** Starts the monitor again for {@code config} (after an edit); the tiles come back when it runs. */
    private void restart(LookoutConfig config) {
        menus.setCameras(List.copyOf(config.cameras().keySet()));
        status.setText("Starting " + config.cameras().size() + " camera(s)…");
        session.start(config, this::releaseTiles, new WallSession.Listener() {
            @Override
            public void started(Monitor monitor) {
                if (!shutDown) {
                    showCameras(monitor.cameras());
                }
            }

            @Override
            public void failed(String message) {
                releaseTiles();
                showGrid();
                banner.show(Banner.Level.ERROR, "The cameras could not start: " + message, null, null);
            }
        });
        updateTitle();
    }

    private void showCameras(List<CameraFeed> feeds) {
        releaseTiles();
        int keep = -1; // a camera enlarged before the restart (e.g. its watch toggled) stays enlarged
        for (int i = 0; i < feeds.size(); i++) {
            if (feeds.get(i).name().equals(enlargedName)) {
                keep = i;
            }
        }
        Path snapshots = outputs.resolve("snapshots");
        Path recordings = outputs.resolve("recordings");
        for (int i = 0; i < feeds.size(); i++) {
            String name = feeds.get(i).name();
            WallTile tile = new WallTile(feeds.get(i), i < 9 ? i + 1 : 0, snapshots, recordings,
                    message -> banner.show(Banner.Level.INFO, message, null, null), configuredRegions(name),
                    regions -> regionsEdited(name, regions));
            int index = i;
            tile.view.addMouseListener(new MouseAdapter() {
                @Override
                public void mouseClicked(MouseEvent e) {
                    if (layout.enlarged() < 0) {
                        enlarge(index);
                    }
                }
            });
            tiles.add(tile);
            tilesPanel.add(tile.view);
        }
        if (keep >= 0) {
            enlarge(keep);
        } else {
            showGrid();
        }
        refresh();
    }

    /** The camera's lines and zones as the setup has them now. */
    private Regions configuredRegions(String camera) {
        CameraConfig c = setup.config().cameras().get(camera);
        return c == null ? Regions.NONE : CameraRegions.of(c);
    }

    /** Lines or zones drawn on a tile: counted at once by that camera alone; refused ones are drawn back. */
    private void regionsEdited(String camera, Regions regions) {
        if (!edits.setRegions(camera, regions)) {
            tiles.stream().filter(t -> t.feed.name().equals(camera)).findFirst()
                    .ifPresent(t -> t.editor.setRegions(configuredRegions(camera)));
        }
        updateTitle();
    }

    private void releaseTiles() {
        WallTile enlargedNow = enlargedTile();
        if (enlargedNow != null) {
            enlargedName = enlargedNow.feed.name();
        }
        tiles.forEach(WallTile::close);
        tiles.clear();
        tilesPanel.removeAll();
        tilesPanel.revalidate();
        tilesPanel.repaint();
    }

    private void refresh() {
        tiles.forEach(WallTile::refresh);
        if (!tiles.isEmpty()) {
            long live = tiles.stream().filter(t -> "live".equals(t.view.stateText())).count();
            status.setText(tiles.size() + " camera(s), " + live + " live · storage " + setup.config().storageIn(
                    setup.file()) + (setup.changed() ? " · setup not saved (File ▸ Save)" : ""));
        }
        if (enlargedTile() != null) {
            showEnlargedBar();
        }
    }

    private void updateTitle() {
        frame.setTitle("Lookout — " + setup.file().getFileName() + (setup.changed() ? " (not saved)" : ""));
    }

    @Override
    public void quit() {
        if (edits.mayClose()) {
            close();
        }
    }

    /** Closes the window without asking; the monitor is stopped by {@link #awaitStopped}. Idempotent. */
    void close() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        refresh.stop();
        releaseTiles();
        frame.dispose();
        closed.countDown();
    }

    /** Waits until the window is closed (any thread but the event thread). */
    boolean awaitClosed(long millis) throws InterruptedException {
        return closed.await(millis, TimeUnit.MILLISECONDS);
    }

    /** After {@link #close}: stops the monitor (clips finalized, store closed), waiting up to {@code millis}. */
    void awaitStopped(long millis) throws InterruptedException {
        session.close(millis);
    }

    // ------------------------------------------------------------------ grid and enlarged camera

    /** Enlarges camera {@code index} (0-based); ignored when there is no such camera. */
    void enlarge(int index) {
        if (index < 0 || index >= tiles.size()) {
            return;
        }
        stopDrawing(tiles.get(index));
        layout.setEnlarged(index);
        enlargedName = tiles.get(index).feed.name();
        showEnlargedBar();
        tilesPanel.revalidate();
        tilesPanel.repaint();
    }

    /** Back to the grid. */
    void showGrid() {
        stopDrawing(null);
        enlargedName = null;
        layout.setEnlarged(-1);
        enlargedBar.setVisible(false);
        tilesPanel.revalidate();
        tilesPanel.repaint();
    }

    /** Lines and zones are drawn on the enlarged camera only: every other tile's editor is switched off. */
    private void stopDrawing(WallTile except) {
        for (WallTile t : tiles) {
            if (t != except && t.editor.mode() != RegionEditor.Mode.OFF) {
                t.editor.setMode(RegionEditor.Mode.OFF);
            }
        }
    }

    private WallTile enlargedTile() {
        int i = layout.enlarged();
        return i >= 0 && i < tiles.size() ? tiles.get(i) : null;
    }

    private void showEnlargedBar() {
        WallTile t = enlargedTile();
        CameraConfig c = setup.config().cameras().get(t.feed.name());
        enlargedBar.showFor(t.feed.name(), t.actions.isRecording(), c == null ? List.of() : c.watch());
    }

    // ------------------------------------------------------------------ menus

    @Override
    public void save() {
        edits.save();
        updateTitle();
    }

    @Override
    public void saveAs() {
        edits.saveAs();
        updateTitle();
    }

    @Override
    public void addCamera() {
        edits.add();
    }

    @Override
    public void editCamera(String name) {
        edits.edit(name);
    }

    @Override
    public void removeCamera(String name) {
        edits.remove(name);
    }

    @Override
    public void setGrid(WallGrid grid) {
        layout.setGrid(grid);
        showGrid();
    }

    @Override
    public void showEvents(boolean shown) {
        events.setVisible(shown);
        frame.getContentPane().revalidate();
    }

    // ------------------------------------------------------------------ for the launcher and tests

    JFrame frame() {
        return frame;
    }

    WallSetup setup() {
        return setup;
    }

    List<WallTile> tiles() {
        return List.copyOf(tiles);
    }

    int enlargedIndex() {
        return layout.enlarged();
    }

    WallEventList eventList() {
        return events;
    }

    Banner banner() {
        return banner;
    }

    EnlargedBar enlargedBar() {
        return enlargedBar;
    }

    WallEdits edits() {
        return edits;
    }

    /** The message of a refused edit, as the user sees it. */
    static String describe(ConfigException e) {
        return String.join("; ", e.problems().stream().map(p -> p.message()).toList());
    }
}
