package dev.lookout.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lookout.capture.FfmpegFrameSource;
import dev.lookout.capture.Frame;
import dev.lookout.capture.FrameSource;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.Detection;
import dev.lookout.detect.DetectionFailedException;
import dev.lookout.detect.DetectionResult;
import dev.lookout.detect.Device;
import dev.lookout.detect.ImageFiles;
import dev.lookout.detect.ModelFiles;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opencv.core.Mat;

/**
 * {@code lookout detect [options] INPUT...}: Coco-SSD on images, folders of images and video files, one JSON line
 * per image or frame in TF.js's detection shape.
 */
public final class DetectCommand implements Command {

    private static final Set<String> VALUE_OPTIONS = union(Set.of("min-score", "max-boxes", "iou", "classes",
            "min-area", "device", "every", "output", "annotate", "model"), DetectRecording.VALUE_OPTIONS);
    private static final Set<String> FLAG_OPTIONS = Set.of("help");
    private static final JsonFactory JSON = new JsonFactory();

    private static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(10);

    private final VideoOpener videoFiles;

    /** The command, reading video files and stream URLs with FFmpeg. */
    public DetectCommand() {
        this(FfmpegFrameSource::openFile);
    }

    /** The command, reading video files with {@code videoFiles} (tests shorten or fake videos this way). */
    DetectCommand(VideoOpener videoFiles) {
        this.videoFiles = videoFiles;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    @Override
    public String name() {
        return "detect";
    }

    @Override
    public String summary() {
        return "detect objects in images, folders of images and video files (JSON lines)";
    }

    /** The {@code --help} text. */
    static String usage() {
        return String.join("\n",
                "usage: lookout detect [options] INPUT...",
                "",
                "INPUT: an image file, a folder (its images, sorted by name), a video file (its frames, decoded by",
                "FFmpeg) or a stream URL (rtsp://, http://...; until it ends or Ctrl-C).",
                "Writes one JSON line per image or frame: {\"source\", \"frame\" (videos), \"width\", \"height\",",
                "\"detections\": [{\"bbox\": [x, y, w, h], \"class\", \"score\"}], \"ms\"} (ms: detection time).",
                "",
                "options:",
                "  --min-score S    keep scores above S, as TF.js's minScore (default 0.5)",
                "  --max-boxes N    at most N detections per image, as TF.js's maxNumBoxes (default 20)",
                "  --iou T          suppression IoU threshold (default: the min score, as TF.js)",
                "  --classes A,B    report only these classes, e.g. person,dog (among TF.js's detections)",
                "  --min-area PX    report only boxes of at least PX square pixels",
                "  --device D       auto (default), cpu or cuda",
                "  --every N        videos: every Nth frame (default 1: all)",
                "  --output FILE    write the JSON lines to FILE instead of stdout",
                "  --annotate DIR   also save each image/frame with its boxes drawn into DIR",
                "  --model DIR      model folder (default models/coco-ssd)",
                String.join("\n", DetectRecording.usageLines()),
                "",
                "--classes and --min-area filter TF.js's answer after its suppression; --max-boxes counts what is",
                "reported. Exit status: 0 all inputs done, 1 some input unreadable (reported on stderr), 2 usage.");
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argv, VALUE_OPTIONS, FLAG_OPTIONS);
        if (args.flag("help")) {
            out.println(usage());
            return 0;
        }
        DetectOptions options = options(args);
        Device device = device(args);
        int every = args.getInt("every", 1);
        if (every < 1) {
            throw new UsageException("--every must be 1 or more, not " + every);
        }
        DetectRecording recording = DetectRecording.from(args, err);
        List<String> inputArgs = args.positional();
        if (inputArgs.isEmpty()) {
            throw new UsageException("give at least one INPUT: an image, a folder of images or a video file");
        }

        Path modelDir;
        CocoSsdDetector loaded;
        boolean[] providerTold = {false}; // AUTO's fallback notice already names the provider
        try {
            modelDir = args.has("model") ? Path.of(args.get("model", "")) : ModelFiles.findDefault().dir();
            loaded = CocoSsdDetector.load(modelDir, device, line -> {
                err.println("lookout detect: " + line);
                providerTold[0] = true;
            });
        } catch (IOException e) {
            err.println("lookout detect: " + e.getMessage());
            return Main.EXIT_FAILED;
        }
        try (CocoSsdDetector detector = loaded) {
            checkClasses(options, detector.classNames());
            recording.checkClasses(detector.classNames());
            if (!providerTold[0]) {
                err.println("lookout detect: running on " + detector.provider());
            }
            Annotator annotator = null;
            if (args.has("annotate")) {
                try {
                    annotator = new Annotator(Path.of(args.get("annotate", "")));
                } catch (IOException e) {
                    err.println("lookout detect: " + e.getMessage());
                    return Main.EXIT_FAILED;
                }
            }
            PrintStream results = out;
            OutputStream file = null;
            if (args.has("output")) {
                Path target = Path.of(args.get("output", ""));
                try {
                    file = Files.newOutputStream(target);
                } catch (IOException e) {
                    String why = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                            : e instanceof NoSuchFileException ? "its folder does not exist" : e.getMessage();
                    err.println("lookout detect: cannot write --output " + target + ": " + why);
                    return Main.EXIT_FAILED;
                }
                results = new PrintStream(file, false, StandardCharsets.UTF_8);
            }
            try {
                Run run = new Run(detector, options, every, annotator, recording, results, err);
                run.all(DetectInputs.expand(inputArgs));
                results.flush();
                if (results.checkError()) {
                    err.println("lookout detect: writing the results failed"
                            + (file != null ? " (" + args.get("output", "") + ")" : ""));
                    return Main.EXIT_FAILED;
                }
                return run.failures == 0 ? 0 : Main.EXIT_FAILED;
            } finally {
                if (file != null) {
                    results.close();
                }
            }
        }
    }

    private static DetectOptions options(Args args) throws UsageException {
        double minScore = args.getDouble("min-score", 0.5);
        if (!(minScore >= 0 && minScore < 1)) {
            throw new UsageException("--min-score must be at least 0 and below 1, not " + minScore);
        }
        int maxBoxes = args.getInt("max-boxes", 20);
        if (maxBoxes < 1) {
            throw new UsageException("--max-boxes must be 1 or more, not " + maxBoxes);
        }
        Double iou = null;
        if (args.has("iou")) {
            iou = args.getDouble("iou", 0);
            if (!(iou > 0 && iou <= 1)) {
                throw new UsageException("--iou must be above 0 and at most 1, not " + iou);
            }
        }
        double minArea = args.getDouble("min-area", 0);
        if (!(minArea >= 0) || Double.isInfinite(minArea)) {
            throw new UsageException("--min-area must be 0 or more square pixels, not " + minArea);
        }
        Set<String> classes = new LinkedHashSet<>();
        if (args.has("classes")) {
            for (String c : args.get("classes", "").split(",")) {
                if (!c.isBlank()) {
                    classes.add(c.strip());
                }
            }
            if (classes.isEmpty()) {
                throw new UsageException("--classes needs class names, e.g. --classes person,dog");
            }
        }
        return new DetectOptions(maxBoxes, minScore, iou, classes, minArea);
    }

    static Device device(Args args) throws UsageException {
        try {
            return Device.parse(args.get("device", "auto"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void checkClasses(DetectOptions options, List<String> known) throws UsageException {
        List<String> unknown = options.classes().stream().filter(c -> !known.contains(c)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new UsageException("unknown class" + (unknown.size() > 1 ? "es " : " ") + String.join(", ", unknown)
                    + "; the classes are: " + String.join(", ", known));
        }
    }

    /** One invocation's state: where results go and how many inputs failed. */
    private final class Run {
        private final CocoSsdDetector detector;
        private final DetectOptions options;
        private final int every;
        private final Annotator annotator;
        private final DetectRecording recording;
        private final PrintStream results;
        private final PrintStream err;
        private int failures;

        Run(CocoSsdDetector detector, DetectOptions options, int every, Annotator annotator,
                DetectRecording recording, PrintStream results, PrintStream err) {
            this.detector = detector;
            this.options = options;
            this.every = every;
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
                bgr = ImageFiles.read(file);
            } catch (IOException e) {
                fail(file.toString(), e.getMessage());
                return;
            }
            try {
                DetectionResult result = detector.detect(bgr, options);
                emit(file.toString(), -1, result);
                if (annotator != null) {
                    annotator.writeImage(bgr, result.detections(), file);
                }
                recording.image(bgr, result.detections(), file);
            } catch (IOException | IllegalArgumentException | DetectionFailedException e) {
                fail(file.toString(), e.getMessage());
            } finally {
                bgr.release();
            }
        }

        private void video(String location) {
            FrameSource source;
            try {
                source = FfmpegFrameSource.isUrl(location) ? FfmpegFrameSource.openUrl(location, NETWORK_TIMEOUT)
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
            List<Detection> current = List.of();
            boolean recordingStarted = false;
            try (source) {
                recording.videoStarted(recordedAs, source);
                recordingStarted = true;
                while (true) {
                    try (Frame frame = source.read()) {
                        if (frame == null) {
                            break;
                        }
                        read++;
                        if (frame.index() % every == 0) {
                            DetectionResult result = detector.detect(frame.image(), options);
                            emit(name, frame.index(), result);
                            if (annotator != null) {
                                annotator.writeFrame(frame.image(), result.detections(), name, frame.index());
                            }
                            current = result.detections();
                        }
                        recording.frame(frame, current, name);
                    }
                    bar.update(read);
                }
                if (read == 0) {
                    bar.finish();
                    fail(name, "the video has no frames");
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

        private static String abbreviate(String name) {
            int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
            String tail = slash >= 0 && slash < name.length() - 1 ? name.substring(slash + 1) : name;
            return tail.length() > 30 ? tail.substring(0, 29) + "…" : tail;
        }

        private void emit(String source, long frame, DetectionResult result) {
            StringWriter line = new StringWriter();
            try (JsonGenerator json = JSON.createGenerator(line)) {
                json.writeStartObject();
                json.writeStringField("source", source);
                if (frame >= 0) {
                    json.writeNumberField("frame", frame);
                }
                json.writeNumberField("width", result.width());
                json.writeNumberField("height", result.height());
                json.writeFieldName("detections");
                dev.lookout.detect.DetectionJson.writeArray(json, result.detections());
                json.writeNumberField("ms", Math.round(result.timings().totalNanos() / 10_000.0) / 100.0);
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringWriter does not fail
            }
            results.println(line);
            results.flush();
        }

        private void fail(String input, String reason) {
            failures++;
            // Most reasons already name the file; do not name it twice.
            err.println("lookout detect: " + (reason.contains(input) ? reason : input + ": " + reason));
        }
    }
}
