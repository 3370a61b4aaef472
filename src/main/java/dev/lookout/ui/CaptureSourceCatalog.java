package dev.lookout.ui;

import dev.lookout.capture.FrameSize;
import dev.lookout.capture.FrameSource;
import dev.lookout.capture.FrameSources;
import dev.lookout.capture.SourceOptions;
import dev.lookout.capture.SourceStateListener;
import dev.lookout.capture.UrlRedaction;
import dev.lookout.live.PlaybackOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real sources, through the capture package's {@link FrameSources}: files and images paced and looped,
 * cameras and streams reconnecting with backoff and reporting their state.
 */
public final class CaptureSourceCatalog implements SourceCatalog {

    private final FrameSize cameraSize;

    /** @param cameraSize the size asked of cameras, or {@code null} for their default */
    public CaptureSourceCatalog(FrameSize cameraSize) {
        this.cameraSize = cameraSize;
    }

    @Override
    public FrameSource open(String spec, PlaybackOptions playback, SourceStateListener states) throws IOException {
        SourceOptions options = SourceOptions.defaults()
                .withCameraSize(cameraSize)
                .withFast(playback.fast())
                .withLoop(playback.loop())
                .withImageInterval(Duration.ofMillis(Math.round(playback.intervalSeconds() * 1000)))
                .withStateListener(states);
        return FrameSources.open(spec, options);
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

    @Override
    public List<Integer> cameras() {
        return FrameSources.listCameras();
    }
}
