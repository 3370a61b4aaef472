package dev.lookout.ui.wall;

import dev.lookout.monitor.CameraFeed;
import dev.lookout.monitor.CameraStatus;
import dev.lookout.track.zones.Regions;
import dev.lookout.ui.RegionEditor;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One camera on the wall: its feed from the monitor, the tile that paints it, the frame handoff and the
 * snapshot/record actions, both registered as the feed's frame listeners until {@link #close()}, and the
 * {@link RegionEditor} over the tile, where its lines and zones are drawn with the mouse while it is enlarged.
 */
final class WallTile implements AutoCloseable {

    final CameraFeed feed;
    final CameraTile view;
    final TileFrames frames;
    final CameraActions actions;
    final RegionEditor editor;
    private final AutoCloseable frameHandle;
    private final AutoCloseable actionHandle;

    /**
     * @param key the number key that enlarges it (1–9), or 0
     * @param regions the camera's lines and zones now
     * @param edited hears each finished change of them
     */
    WallTile(CameraFeed feed, int key, Path snapshots, Path recordings, Consumer<String> news, Regions regions,
            Consumer<Regions> edited) {
        this.feed = feed;
        this.view = new CameraTile(feed.name(), key);
        this.editor = new RegionEditor(view, edited);
        editor.setRegions(regions);
        view.setLayout(new java.awt.BorderLayout());
        view.add(editor); // hidden (and letting clicks through to the tile) until a drawing mode is chosen
        this.frames = new TileFrames(view::show);
        this.actions = new CameraActions(feed.name(), snapshots, recordings, news);
        this.frameHandle = feed.onCameraFrame(frames);
        this.actionHandle = feed.onCameraFrame(actions);
        view.addComponentListener(new java.awt.event.ComponentAdapter() {
            @Override
            public void componentResized(java.awt.event.ComponentEvent e) {
                double scale = view.getGraphicsConfiguration() == null ? 1
                        : view.getGraphicsConfiguration().getDefaultTransform().getScaleX();
                frames.setTargetSize((int) Math.round(view.getWidth() * scale),
                        (int) Math.round(view.getHeight() * scale));
            }
        });
    }

    /** Event thread: shows the camera's state and rates now. */
    void refresh() {
        CameraStatus s = feed.status();
        view.setStatus(s);
        actions.setFrameRate(s.fps());
    }

    /** Stops listening to the camera; a recording stops (finalized in the background). */
    @Override
    public void close() {
        try {
            frameHandle.close();
            actionHandle.close();
        } catch (Exception e) {
            // the monitor's handles only remove a listener from a list
        }
        frames.release();
        actions.close();
    }
}
