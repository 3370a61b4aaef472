package dev.lookout.ui;

import dev.lookout.detect.DetectOptions;
import dev.lookout.live.FrameDetector;
import dev.lookout.live.PlaybackOptions;
import java.util.concurrent.Callable;

/**
 * Everything the live window starts with.
 *
 * @param sourceSpec what to play first (a camera index, file, folder or URL)
 * @param sourceGiven true when the user chose the source on the command line: no fallback to the demo clip then
 * @param playback loop, fast, slideshow interval
 * @param options the detection options
 * @param detectorLoader loads the detector in the background
 * @param sources opens and names sources
 * @param recording the record button's hook, or {@code null} when recording is not available
 * @param snapshots the snapshot button's hook, or {@code null} when snapshots are not available
 * @param settings where settings persist
 * @param theme {@code light} or {@code dark}
 * @param launchNanos {@link System#nanoTime()} at launch, for "first detection painted after …"
 */
public record LiveConfig(String sourceSpec, boolean sourceGiven, PlaybackOptions playback, DetectOptions options,
        Callable<? extends FrameDetector> detectorLoader, SourceCatalog sources, RecordingControl recording,
        SnapshotControl snapshots, Settings settings, String theme, long launchNanos) {
}
