package dev.lookout.ui;

import java.awt.Dimension;
import javax.swing.JLayeredPane;

/**
 * The video area: {@link VideoView} on the default layer, the transparent {@link OverlayView} above it, and any
 * further layers added above those; all fill the stage.
 */
public final class VideoStage extends JLayeredPane {

    private final VideoView video;
    private final OverlayView overlay;

    /** Stacks {@code overlay} above {@code video}; both always fill the stage. */
    public VideoStage(VideoView video, OverlayView overlay) {
        this.video = video;
        this.overlay = overlay;
        add(video, DEFAULT_LAYER);
        add(overlay, PALETTE_LAYER);
        setPreferredSize(new Dimension(960, 640));
        setMinimumSize(new Dimension(320, 200));
    }

    /** The video layer. */
    public VideoView video() {
        return video;
    }

    /** The overlay layer. */
    public OverlayView overlay() {
        return overlay;
    }

    @Override
    public void doLayout() {
        // every layer (video, overlay, and any added above them, e.g. the line and zone editor) fills the stage
        for (java.awt.Component layer : getComponents()) {
            layer.setBounds(0, 0, getWidth(), getHeight());
        }
    }
}
