package dev.lookout.ui;

import dev.lookout.capture.ConnectionState;
import dev.lookout.capture.FrameSize;
import dev.lookout.capture.FrameSources;
import dev.lookout.capture.SourceOptions;
import dev.lookout.capture.UrlRedaction;
import dev.lookout.live.PlaybackOptions;
import dev.lookout.live.SourceState;
import dev.lookout.capture.SourceOpener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The real sources, through the capture package's {@link FrameSources}: cameras and streams reconnect on their own
 * (their connection news goes to {@code connectionNews}); files and images are read raw and paced and looped by
 * the pipeline, which knows when the user pauses.
 */
public final class CaptureSourceCatalog implements SourceCatalog {

    private final FrameSize cameraSize;
    private final Consumer<ConnectionState> connectionNews;

    /**
     * @param cameraSize the size asked of cameras, or {@code null} for their default
     * @param connectionNews told when a camera or stream drops, retries, reconnects (capture thread)
     */
    public CaptureSourceCatalog(FrameSize cameraSize, Consumer<ConnectionState> connectionNews) {
        this.cameraSize = cameraSize;
        this.connectionNews = connectionNews;
    }

    @Override
    public SourceOpener opener(String spec, PlaybackOptions playback) {
        SourceOptions options = SourceOptions.defaults()
                .withCameraSize(cameraSize)
                .withFast(true)
                .withLoop(false)
                .withImageInterval(Duration.ofMillis(Math.round(playback.intervalSeconds() * 1000)))
                .withConnectionListener(connectionNews::accept);
        return () -> FrameSources.open(spec, options);
    }

    @Override
    public String describe(String spec) {
        return switch (FrameSources.kindOf(spec)) {
            case CAMERA -> "camera " + spec.strip();
            case STREAM -> UrlRedaction.redact(spec.strip());
            default -> {
                Path p = Path.of(spec.strip()).getFileName();
                yield p == null ? spec.strip() : p.toString();
            }
        };
    }

    @Override
    public boolean isCamera(String spec) {
        return FrameSources.kindOf(spec) == FrameSources.Kind.CAMERA;
    }

    /** A reconnecting camera's or stream's news as the window's source state. */
    public static SourceState toSourceState(ConnectionState state) {
        SourceState.Kind kind = switch (state.status()) {
            case CONNECTED -> SourceState.Kind.PLAYING;
            case RECONNECTING -> SourceState.Kind.RECONNECTING;
            case FAILED -> SourceState.Kind.FAILED;
        };
        String message = state.status() == ConnectionState.Status.CONNECTED ? "" : state.describe();
        return new SourceState(kind, state.source(), message);
    }

    @Override
    public List<Integer> cameras() {
        return FrameSources.listCameras();
    }
}
