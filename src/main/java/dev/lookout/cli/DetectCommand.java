package dev.lookout.cli;

import dev.lookout.OutputPaths;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lookout.capture.FfmpegFrameSource;
import dev.lookout.capture.Frame;
import dev.lookout.capture.FrameSource;
import dev.lookout.capture.OpenCv;
import dev.lookout.capture.ReconnectingFrameSource;
import dev.lookout.capture.SourceOpener;
import dev.lookout.capture.SourceOptions;
import dev.lookout.capture.SourceState;
import dev.lookout.capture.SourceStateListener;
import dev.lookout.capture.UrlRedaction;
import dev.lookout.detect.ClassNames;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.Detection;
import dev.lookout.detect.DetectionFailedException;
import dev.lookout.detect.DetectionResult;
import dev.lookout.detect.ImageFiles;
import dev.lookout.detect.ImageLimits;
import dev.lookout.track.TrackJson;
import dev.lookout.track.TrackingSession;
import dev.lookout.track.zones.CountEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opencv.core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lookout detect [options] INPUT...}: Coco-SSD on images, folders of images and video files, one JSON line
 * per image or frame in TF.js's detection shape.
 */
@Command(name = "detect", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Detect objects in images, folders of images, video files and streams (JSON lines).", "",
            "INPUT: an image file, a folder (its images, sorted by name), a video file (its frames, decoded by "
                    + "FFmpeg) or a stream URL (rtsp://, http://...; until it ends or Ctrl-C).",
            "Writes one JSON line per image or frame: {\"source\", \"frame\" and \"t\" (videos), \"width\", "
                    + "\"height\", \"detections\": [{\"bbox\": [x, y, w, h], \"class\", \"score\"}], \"ms\"} "
                    + "(ms: detection time).", ""},
        footer = {"", "--classes and --min-area filter TF.js's answer after its suppression; --max-boxes counts what "
                + "is reported.", "Exit status: 0 all inputs done, 1 some input unreadable (reported on stderr), "
                + "2 usage."},
        mixinStandardHelpOptions = true, versionProvider = LookoutCommand.Version.class)
public final class DetectCommand extends CliCommand {

    private static final JsonFactory JSON = new JsonFactory();

    private static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(10);

    @Mixin
    DetectionOptions detection = new DetectionOptions();

    @Option(names = "--iou", paramLabel = "T", description = "suppression IoU threshold, above 0 and at most 1 "
            + "(default: the min score, as TF.js)")
    Double iou;

    @Option(names = "--min-area", paramLabel = "PX", defaultValue = "0",
            description = "report only boxes of at least PX square pixels")
    double minArea;

    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--max-pixels", paramLabel = "N", description = "images larger than N pixels (as their header "
            + "declares) are refused before decoding (default 100000000)")
    Long maxPixels;

    @Option(names = "--every", paramLabel = "N", defaultValue = "1",
            description = "videos: detect every Nth frame (default 1: all)")
    int every;

    @Option(names = "--reconnect", paramLabel = "N", defaultValue = "10", description = "streams: reconnect after "
            + "a drop or stall, up to N attempts in a row (waits 0.5 s doubling to 10 s; default ${DEFAULT-VALUE}; "
            + "0: never); giving up ends the run with exit status 1")
    int reconnect;

    @Option(names = "--output", paramLabel = "FILE", description = "write the JSON lines to FILE instead of stdout")
    @Writes
    Path output;

    @Option(names = "--annotate", paramLabel = "DIR", description = "also save each image/frame with its boxes "
            + "drawn into DIR")
    @Writes(dev.lookout.OutputPaths.Kind.FOLDER)
    Path annotate;

    @Option(names = "--record", paramLabel = "FILE", description = "videos: write each video with its boxes burnt "
            + "in (MP4; FILE-2.mp4... for further videos; an existing file is never overwritten)")
    @Writes
    Path record;

    @Option(names = "--snapshot", paramLabel = "DIR", description = "save a PNG with boxes, the raw PNG and a JSON "
            + "sidecar of every image or frame with a detection (with --watch: of each event's best frame)")
    @Writes(dev.lookout.OutputPaths.Kind.FOLDER)
    Path snapshot;

    @Mixin
    WatchOptions watch = new WatchOptions();

    @Mixin
    TrackOptions tracking = new TrackOptions();

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "images, folders, videos or stream URLs")
    List<String> inputArgs = List.of();

    private final VideoOpener videoFiles;

    /** The inputs as {@link #inputs()} expanded them before the run. */
    private List<DetectInputs.Input> expanded;

    /** The command, reading video files and stream URLs with FFmpeg. */
    public DetectCommand() {
        this(FfmpegFrameSource::openFile);
    }

    /** The command, reading video files with {@code videoFiles} (tests shorten or fake videos this way). */
    DetectCommand(VideoOpener videoFiles) {
        this.videoFiles = videoFiles;
    }

    /** Runs {@code lookout detect ARGS} with this command object (tests give it a fake video opener). */
    int run(String[] args, PrintStream out, PrintStream err) {
        return Main.run(this, args, out, err);
    }

    @Override
    int run() throws Exception {
        DetectOptions options = options();
        tracking.check(detection.minScore, iou);
        if (every < 1) {
            throw new UsageException("--every must be 1 or more, not " + every);
        }
        if (reconnect < 0) {
            throw new UsageException("--reconnect must be 0 (never) or more attempts, not " + reconnect);
        }
        DetectRecording recording = new DetectRecording(record, snapshot, watch, err);
        ImageLimits limits = ImageLimits.defaults().raisedWith("--max-pixels N");
        if (maxPixels != null) {
            if (maxPixels < 1) {
                throw new UsageException("--max-pixels must be 1 or more, not " + maxPixels);
            }
            limits = limits.withMaxPixels(maxPixels);
        }
        if (inputArgs.isEmpty()) {
            throw new UsageException("give at least one INPUT: an image, a folder of images or a video file");
        }

        CocoSsdDetector loaded;
        boolean[] providerTold = {false}; // AUTO's fallback notice already names the provider
        try {
            loaded = CocoSsdDetector.load(model.modelDir(), model.device, line -> {
                problem(line);
                providerTold[0] = true;
            }, model.precision);
        } catch (IOException e) {
            problem(e.getMessage());
            return Main.EXIT_FAILED;
        }
        try (CocoSsdDetector detector = loaded) {
            String unknown = ClassNames.unknownMessage(options.classes(), detector.classNames());
            if (unknown != null) {
                throw new UsageException(unknown);
            }
            recording.checkClasses(detector.classNames());
            if (!providerTold[0]) {
                problem("running on " + detector.provider());
            }
            Annotator annotator = null;
            if (annotate != null) {
                try {
                    annotator = new Annotator(annotate);
                } catch (IOException e) {
                    problem(e.getMessage());
                    return Main.EXIT_FAILED;
                }
            }
            List<DetectInputs.Input> inputs = expanded != null ? expanded : DetectInputs.expand(inputArgs);
            checkAnnotateIsNotAnInputFolder(inputs);
            if (tracking.track) {
                for (DetectInputs.Input input : inputs) {
                    if (input instanceof DetectInputs.Image image) {
                        throw new UsageException("--track follows objects through videos and streams; "
                                + image.file() + " is an image");
                    }
                }
            }
            ResultLines results;
            try {
                results = output != null ? ResultLines.toFile(output) : ResultLines.to(out);
            } catch (ResultLines.Failed e) {
                problem(e.getMessage());
                return Main.EXIT_FAILED;
            }
            Run run = new Run(detector, options, every, limits, annotator, recording, results, err);
            try (results; java.io.BufferedWriter eventLog = tracking.track ? tracking.openEvents() : null) {
                run.eventLog = eventLog;
                run.all(inputs);
            } catch (ResultLines.Failed e) {
                problem(e.getMessage());
                return Main.EXIT_FAILED;
            }
            return run.failures == 0 && !recording.snapshotsFailed() ? 0 : Main.EXIT_FAILED;
        }
    }

    /** The files the inputs name (a folder's images, video files; not stream URLs), for {@link CommandPaths}. */
    @Override
    List<CommandPaths.Named> inputs() {
        expanded = DetectInputs.expand(inputArgs);
        List<CommandPaths.Named> files = new java.util.ArrayList<>();
        for (DetectInputs.Input input : expanded) {
            Path file = inputFile(input);
            if (file != null) {
                files.add(input("", file));
            }
        }
        return files;
    }

    private static Path inputFile(DetectInputs.Input input) {
        return input instanceof DetectInputs.Image image ? image.file()
                : input instanceof DetectInputs.Video video && !FfmpegFrameSource.isUrl(video.location())
                        ? Path.of(video.location()) : null;
    }

    /** Refuses an {@code --annotate} folder that holds an input: its files are named as the inputs. */
    private void checkAnnotateIsNotAnInputFolder(List<DetectInputs.Input> inputs) throws UsageException {
        for (DetectInputs.Input input : inputs) {
            Path file = inputFile(input);
            Path folder = file == null ? null : file.toAbsolutePath().getParent();
            if (annotate != null && folder != null && OutputPaths.sameFile(annotate, folder)) {
                throw new UsageException("--annotate " + annotate + " is the folder of the input " + file
                        + "; choose another folder, so that no input is overwritten");
            }
        }
    }

    private DetectOptions options() throws UsageException {
        if (iou != null && !(iou > 0 && iou <= 1)) {
            throw new UsageException("--iou must be above 0 and at most 1, not " + iou);
        }
        if (!(minArea >= 0)) {
            throw new UsageException("--min-area must be 0 or more square pixels, not " + minArea);
        }
        DetectOptions base = new DetectOptions(DetectOptions.DEFAULTS.maxNumBoxes(),
                DetectOptions.DEFAULTS.minScore(), iou, Set.of(), minArea);
        DetectOptions resolved = detection.resolve(base);
        if (resolved.minScore() == 0 && iou == null) {
            problem("note: --min-score 0 is also TF.js's suppression IoU threshold, so every box that overlaps a "
                    + "better one at all is suppressed (usually one box is left); add --iou 0.5 to keep overlapping "
                    + "objects");
        }
        return resolved;
    }

    /** One {@code --annotate} write. */
    @FunctionalInterface
    private interface AnnotatorWrite {
        void run() throws IOException;
    }

    /** One invocation's state: where results go and how many inputs failed. */
    private final class Run {
        private final CocoSsdDetector detector;
        private final DetectOptions options;
        private final int every;
        private final ImageLimits limits;
        private Annotator annotator;
        private final DetectRecording recording;
        private final ResultLines results;
        private final PrintStream err;
        private int failures;
        private java.io.BufferedWriter eventLog;

        Run(CocoSsdDetector detector, DetectOptions options, int every, ImageLimits limits, Annotator annotator,
                DetectRecording recording, ResultLines results, PrintStream err) {
            this.detector = detector;
            this.options = options;
            this.every = every;
            this.limits = limits;
            this.annotator = annotator;
            this.recording = recording;
            this.results = results;
            this.err = err;
        }

        void all(List<DetectInputs.Input> inputs) {
            long folderImages = inputs.stream()
                    .filter(i -> i instanceof DetectInputs.Image image && image.fromFolder()).count();
            ProgressBar imagesBar = new ProgressBar(err, folderImages > 0 && ProgressBar.terminal(), "images",
                    "images", inputs.stream().filter(i -> i instanceof DetectInputs.Image).count());
            long imagesDone = 0;
            for (DetectInputs.Input input : inputs) {
                if (input instanceof DetectInputs.Unusable unusable) {
                    fail(unusable.argument(), unusable.reason());
                } else if (input instanceof DetectInputs.Image image) {
                    image(image.file());
                    imagesBar.update(++imagesDone);
                } else if (input instanceof DetectInputs.Video video) {
                    imagesBar.finish();
                    video(video.location());
                }
            }
            imagesBar.finish();
        }

        private void image(Path file) {
            Mat bgr;
            try {
                bgr = ImageFiles.read(file, limits);
            } catch (IOException e) {
                fail(file.toString(), e.getMessage());
                return;
            }
            try {
                DetectionResult result = detector.detect(bgr, options);
                emit(file.toString(), -1, Double.NaN, result, null);
                annotate(() -> annotator.writeImage(bgr, result.detections(), file));
                recording.image(bgr, result.detections(), file);
            } catch (IllegalArgumentException | DetectionFailedException e) {
                fail(file.toString(), e.getMessage());
            } finally {
                OpenCv.release(bgr);
            }
        }

        private void video(String location) {
            FrameSource source;
            try {
                source = FfmpegFrameSource.isUrl(location) ? openStream(location)
                        : videoFiles.open(Path.of(location));
            } catch (IOException e) {
                fail(location, e.getMessage());
                return;
            }
            // A stream URL may hold credentials: name it as the source describes itself (masked).
            boolean stream = FfmpegFrameSource.isUrl(location);
            String name = stream ? source.description() : location;
            // The recorder names its messages and clips after a file; a stream is just "stream".
            Path recordedAs = stream ? Path.of("stream") : Path.of(location);
            ProgressBar bar = new ProgressBar(err, ProgressBar.terminal(), abbreviate(name), "frames",
                    source instanceof FfmpegFrameSource ffmpeg ? ffmpeg.lengthInFrames() : 0);
            long read = 0;
            long lastTimestampMicros = 0;
            List<Detection> current = List.of();
            boolean recordingStarted = false;
            TrackingSession session = tracking.track ? tracking.start(options.classes(), eventLog, this::failOnce,
                    annotator != null || recording.records()) : null;
            int[] size = {0, 0};
            try (source) {
                if (session != null) {
                    annotator = annotator == null ? null : annotator.withPainter(session.overlay());
                    recording.painter(session.overlay());
                }
                recording.videoStarted(recordedAs, source);
                recordingStarted = true;
                while (true) {
                    try (Frame frame = source.read()) {
                        if (frame == null) {
                            break;
                        }
                        read++;
                        lastTimestampMicros = frame.timestampMicros();
                        if (frame.index() % every == 0) {
                            double t = frame.timestampMicros() / 1e6;
                            DetectionResult result = detector.detect(frame.image(),
                                    session == null ? options : TrackOptions.candidates(options));
                            TrackingSession.Step step = session == null ? null
                                    : session.frame(t, result.detections(), result.width(), result.height());
                            size[0] = result.width();
                            size[1] = result.height();
                            emit(name, frame.index(), t, result, step);
                            List<Detection> shown = step == null ? result.detections()
                                    : TrackingSession.detections(step.tracks());
                            annotate(() -> annotator.writeFrame(frame.image(), shown, name, frame.index()));
                            current = shown;
                        }
                        recording.frame(frame, current, name);
                    }
                    bar.update(read);
                }
                if (read == 0) {
                    bar.finish();
                    fail(name, "the video has no frames");
                } else if (!stream && source instanceof FfmpegFrameSource ffmpeg
                        && read < ffmpeg.lengthInFrames() * 0.95) {
                    // The container announced more: the file was cut short (a copy interrupted, a disk error).
                    bar.finish();
                    fail(name, String.format(Locale.ROOT, "warning: the video ends early, after frame %d (%.2f s) "
                            + "of the %d it announces: the file is damaged or truncated; the frames before were "
                            + "detected", read - 1, lastTimestampMicros / 1e6, ffmpeg.lengthInFrames()));
                }
                if (session != null) {
                    for (CountEvent c : session.finish(size[0], size[1])) {
                        results.write(TrackJson.countLine(name, -1, c));
                    }
                }
            } catch (IOException | IllegalArgumentException | DetectionFailedException e) {
                bar.finish();
                fail(name, (read > 0 ? "after " + read + " frames: " : "") + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(name, "interrupted after " + read + " frames");
            } finally {
                bar.finish();
                if (recordingStarted && !recording.videoEnded()) {
                    failures++;
                }
            }
        }

        /** A stream, reconnecting after drops and stalls as {@code --reconnect} says, each state on stderr. */
        private FrameSource openStream(String url) throws IOException {
            SourceOpener opener = () -> FfmpegFrameSource.openUrl(url, NETWORK_TIMEOUT);
            if (reconnect == 0) {
                return opener.open();
            }
            return ReconnectingFrameSource.open(opener, SourceOptions.defaults()
                    .withReconnectBackoff(Duration.ofMillis(500), Duration.ofSeconds(10), reconnect)
                    .withStateListener(new SourceStateListener() {
                        private boolean lost;

                        @Override
                        public synchronized void stateChanged(SourceState state) {
                            // The first connection is not news, nor is giving up: the run's failure says it.
                            if (state.kind() == SourceState.Kind.STALLED) {
                                return;
                            }
                            boolean news = state.kind() == SourceState.Kind.RECONNECTING
                                    || (state.kind() == SourceState.Kind.LIVE && lost);
                            lost = state.kind() == SourceState.Kind.RECONNECTING;
                            if (news) {
                                err.println("lookout detect: " + state.describe());
                            }
                        }
                    }));
        }

        private static String abbreviate(String name) {
            int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
            String tail = slash >= 0 && slash < name.length() - 1 ? name.substring(slash + 1) : name;
            return tail.length() > 30 ? tail.substring(0, 29) + "…" : tail;
        }

        /**
         * One result line; video frames carry {@code "t"} (seconds); a tracked frame's detections are its tracks',
         * each with {@code "id"} and {@code "stationary"}, and its count changes follow as {@code "count"} lines.
         */
        private void emit(String source, long frame, double t, DetectionResult result, TrackingSession.Step step) {
            StringWriter line = new StringWriter();
            try (JsonGenerator json = JSON.createGenerator(line)) {
                json.writeStartObject();
                json.writeStringField("source", source);
                if (frame >= 0) {
                    json.writeNumberField("frame", frame);
                    json.writeNumberField("t", t);
                }
                json.writeNumberField("width", result.width());
                json.writeNumberField("height", result.height());
                json.writeFieldName("detections");
                if (step == null) {
                    dev.lookout.detect.DetectionJson.writeArray(json, result.detections());
                } else {
                    TrackJson.writeTracks(json, step.tracks().active());
                }
                json.writeNumberField("ms", Math.round(result.timings().totalNanos() / 10_000.0) / 100.0);
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringWriter does not fail
            }
            results.write(line.toString());
            if (step != null) {
                for (CountEvent c : step.counts()) {
                    results.write(TrackJson.countLine(source, frame, c));
                }
            }
        }

        private boolean eventLogFailed;

        private void failOnce(String message) {
            if (!eventLogFailed) {
                eventLogFailed = true;
                failures++;
                err.println("lookout detect: " + message + "; tracking goes on");
            }
        }

        /**
         * Writes an {@code --annotate} copy. A failure (a full disk) is reported once with its reason and ends the
         * annotations, not the detections; the run then exits with 1.
         */
        private void annotate(AnnotatorWrite write) {
            if (annotator == null) {
                return;
            }
            try {
                write.run();
            } catch (IOException e) {
                failures++;
                annotator = null;
                err.println("lookout detect: " + UrlRedaction.redact(e.getMessage())
                        + "; no more --annotate copies are written, detection goes on");
            }
        }

        private void fail(String input, String reason) {
            failures++;
            // Most reasons already name the file; do not name it twice. A URL's credentials are masked.
            String safeInput = UrlRedaction.redact(input);
            String safeReason = UrlRedaction.redact(reason);
            err.println("lookout detect: " + (safeReason.contains(safeInput) ? safeReason
                    : safeInput + ": " + safeReason));
        }
    }
}
