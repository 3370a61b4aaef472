package dev.lookout.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.detect.CocoLabels;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.Detection;
import dev.lookout.detect.DetectionResult;
import dev.lookout.detect.Device;
import dev.lookout.detect.ImageFiles;
import dev.lookout.detect.ModelFiles;
import dev.lookout.detect.Postprocessor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * {@code lookout bench}: where detection time goes (decode, preprocess, inference, post-process) per image, ONNX
 * Runtime against OpenCV DNN on the same model, and optionally a soak run that watches the process's memory.
 */
public final class BenchCommand implements Command {

    private static final Set<String> VALUE_OPTIONS = Set.of("runs", "warmup", "device", "model", "soak");
    private static final Set<String> FLAG_OPTIONS = Set.of("help", "no-dnn");
    private static final String[] STAGES = {"decode", "preprocess", "inference", "postprocess", "detect", "total"};

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "time detection stages, ONNX Runtime vs OpenCV DNN, memory over a long run";
    }

    static String usage() {
        return String.join("\n",
                "usage: lookout bench [--runs N] [--warmup K] [--device D] [--model DIR] [--soak N] [--no-dnn] "
                        + "[INPUT...]",
                "",
                "Times decode, preprocess, inference, post-process, detect (= the three detector stages) and total",
                "(= decode + detect) over N runs (default 20) after K warm-ups (default 3), for each image and for a",
                "640x480 frame resized from the first one; then the same model through OpenCV DNN, with the ratio.",
                "cpu ms: mean CPU time of the whole process per detect call (all threads; 10 ms ticks, so use many",
                "runs): unlike wall time it hardly moves when other programs load the machine.",
                "INPUT: image files or folders. Default: the 7 TF.js reference PNGs in",
                "../shared/reference/coco-ssd/images, else the darknet photos in $LOOKOUT_TESTDATA/darknet.",
                "--soak N: afterwards, N detect calls on the 640x480 frame, reporting resident memory growth.",
                "The last line is one JSON object with every figure.");
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
        Args args = Args.parse(argv, VALUE_OPTIONS, FLAG_OPTIONS);
        if (args.flag("help")) {
            out.println(usage());
            return 0;
        }
        int runs = args.getInt("runs", 20);
        int warmup = args.getInt("warmup", 3);
        int soak = args.getInt("soak", 0);
        if (runs < 1 || warmup < 0 || soak < 0) {
            throw new UsageException("--runs must be 1 or more, --warmup and --soak 0 or more");
        }
        Device device = DetectCommand.device(args);
        List<Path> images = images(args.positional(), err);
        if (images.isEmpty()) {
            throw new UsageException("no images to time: give INPUT images or folders");
        }

        Path modelDir;
        CocoSsdDetector loaded;
        long loadStart = System.nanoTime();
        try {
            modelDir = args.has("model") ? Path.of(args.get("model", "")) : ModelFiles.findDefault().dir();
            loaded = CocoSsdDetector.load(modelDir, device, line -> err.println("lookout bench: " + line));
        } catch (IOException e) {
            err.println("lookout bench: " + e.getMessage());
            return Main.EXIT_FAILED;
        }
        double loadMs = (System.nanoTime() - loadStart) / 1e6;
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode report = mapper.createObjectNode();
        try (CocoSsdDetector detector = loaded) {
            List<Sample> samples = samples(images, err);
            if (samples.isEmpty()) {
                err.println("lookout bench: none of the images could be read");
                return Main.EXIT_FAILED;
            }
            int cores = Runtime.getRuntime().availableProcessors();
            out.printf(Locale.ROOT, "Lookout bench: %s, %d cores, %s %s, Java %s; provider %s; model %s "
                    + "(loaded in %.0f ms)%n", Instant.now(), cores, System.getProperty("os.name"),
                    System.getProperty("os.arch"), System.getProperty("java.version"), detector.provider(),
                    modelDir.resolve(ModelFiles.MODEL_FILE), loadMs);
            out.printf(Locale.ROOT, "%d runs after %d warm-ups per image; median / p95 in ms%n%n", runs, warmup);
            report.put("date", Instant.now().toString());
            report.put("cores", cores);
            report.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            report.put("java", System.getProperty("java.version"));
            report.put("provider", detector.provider());
            report.put("model", modelDir.resolve(ModelFiles.MODEL_FILE).toString());
            report.put("loadMs", round(loadMs));
            report.put("runs", runs);
            report.put("warmup", warmup);

            out.printf("%-22s %-9s", "image", "size");
            for (String stage : STAGES) {
                out.printf(" %15s", stage);
            }
            out.printf(" %5s %9s%n", "boxes", "cpu ms");
            ArrayNode ortRows = report.putArray("onnxruntime");
            List<Percentiles> ortInference = new ArrayList<>();
            for (Sample sample : samples) {
                long[][] nanos = new long[STAGES.length][runs];
                long cpuInDetect = 0;
                int boxes = 0;
                for (int r = -warmup; r < runs; r++) {
                    long t0 = System.nanoTime();
                    Mat bgr = ImageFiles.decode(sample.encoded(), sample.name());
                    long decoded = System.nanoTime() - t0;
                    try {
                        long cpuBefore = ProcessMemory.cpuNanos();
                        DetectionResult result = detector.detect(bgr, DetectOptions.DEFAULTS);
                        long cpuUsed = ProcessMemory.cpuNanos() - cpuBefore;
                        boxes = result.detections().size();
                        if (r >= 0) {
                            cpuInDetect += cpuUsed;
                            long detect = result.timings().totalNanos();
                            long[] row = {decoded, result.timings().preprocessNanos(),
                                result.timings().inferenceNanos(), result.timings().postprocessNanos(), detect,
                                decoded + detect};
                            for (int s = 0; s < STAGES.length; s++) {
                                nanos[s][r] = row[s];
                            }
                        }
                    } finally {
                        bgr.release();
                    }
                }
                out.printf("%-22s %-9s", abbreviate(sample.name(), 22), sample.width() + "x" + sample.height());
                ObjectNode row = ortRows.addObject();
                row.put("image", sample.name());
                row.put("width", sample.width());
                row.put("height", sample.height());
                row.put("detections", boxes);
                for (int s = 0; s < STAGES.length; s++) {
                    Percentiles p = Percentiles.of(nanos[s]);
                    out.printf(Locale.ROOT, " %7.2f/%7.2f", p.medianMs(), p.p95Ms());
                    ObjectNode stage = row.putObject(STAGES[s]);
                    stage.put("median", round(p.medianMs()));
                    stage.put("p95", round(p.p95Ms()));
                    if (STAGES[s].equals("inference")) {
                        ortInference.add(p);
                    }
                }
                double cpuMs = cpuInDetect / 1e6 / runs;
                row.put("detectCpuMsMean", round(cpuMs));
                out.printf(Locale.ROOT, " %5d %9.1f%n", boxes, cpuMs);
            }

            if (!args.flag("no-dnn")) {
                report.set("opencvDnn", dnn(modelDir, samples, runs, warmup, ortInference, detector, out, err,
                        mapper));
            }
            if (soak > 0) {
                report.set("soak", soak(detector, samples.get(samples.size() - 1), soak, out, mapper));
            }
        }
        out.println(mapper.writeValueAsString(report));
        return 0;
    }

    /** One image to time: its encoded bytes (decoded on every run) and size. */
    private record Sample(String name, byte[] encoded, int width, int height) {
    }

    private static List<Path> images(List<String> arguments, PrintStream err) throws IOException {
        List<Path> images = new ArrayList<>();
        if (arguments.isEmpty()) {
            Path reference = Path.of("..", "shared", "reference", "coco-ssd", "images");
            String media = System.getenv("LOOKOUT_TESTDATA");
            Path darknet = (media != null && !media.isBlank() ? Path.of(media) : Path.of("target", "testdata"))
                    .resolve("darknet");
            Path folder = Files.isDirectory(reference) ? reference : darknet;
            if (!Files.isDirectory(folder)) {
                return images;
            }
            err.println("lookout bench: timing the images in " + folder.toAbsolutePath().normalize());
            arguments = List.of(folder.toString());
        }
        for (String argument : arguments) {
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    files.filter(p -> Files.isRegularFile(p) && ImageFiles.hasImageExtension(p)).sorted()
                            .forEach(images::add);
                }
            } else {
                images.add(path);
            }
        }
        return images;
    }

    /** Reads every image (reporting the unreadable) and adds a 640×480 frame resized from the first. */
    private static List<Sample> samples(List<Path> images, PrintStream err) {
        List<Sample> samples = new ArrayList<>();
        for (Path file : images) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                Mat bgr = ImageFiles.decode(bytes, file.toString());
                try {
                    samples.add(new Sample(file.getFileName().toString(), bytes, bgr.cols(), bgr.rows()));
                    if (samples.size() == 1) {
                        // The live target is a 640×480 camera frame: time one, encoded losslessly like the PNGs.
                        Mat frame = new Mat();
                        MatOfByte png = new MatOfByte();
                        try {
                            Imgproc.resize(bgr, frame, new Size(640, 480), 0, 0, Imgproc.INTER_AREA);
                            Imgcodecs.imencode(".png", frame, png);
                            samples.add(new Sample("640x480 " + file.getFileName(), png.toArray(), 640, 480));
                        } finally {
                            frame.release();
                            png.release();
                        }
                    }
                } finally {
                    bgr.release();
                }
            } catch (IOException e) {
                err.println("lookout bench: skipping " + file + ": " + e.getMessage());
            }
        }
        // Keep the 640×480 frame last: it is the one the soak run uses.
        samples.stream().filter(s -> s.name().startsWith("640x480 ")).findFirst().ifPresent(s -> {
            samples.remove(s);
            samples.add(s);
        });
        return samples;
    }

    private static ObjectNode dnn(Path modelDir, List<Sample> samples, int runs, int warmup,
            List<Percentiles> ortInference, CocoSsdDetector detector, PrintStream out, PrintStream err,
            ObjectMapper mapper) throws IOException {
        ObjectNode node = mapper.createObjectNode();
        out.println();
        OpenCvDnnModel model;
        try {
            model = OpenCvDnnModel.load(modelDir.resolve(ModelFiles.MODEL_FILE));
        } catch (IllegalStateException e) {
            out.println("OpenCV DNN: cannot load the model: " + e.getMessage());
            node.put("loaded", false);
            node.put("error", e.getMessage());
            return node;
        }
        node.put("loaded", true);
        out.printf("%-22s %-9s %15s %15s %15s %9s %s%n", "OpenCV DNN", "size", "preprocess", "inference",
                "ORT inference", "ORT/DNN", "same detections");
        Postprocessor postprocessor = new Postprocessor(
                CocoLabels.read(modelDir.resolve(ModelFiles.LABELS_FILE)));
        ArrayNode rows = node.putArray("images");
        try (model) {
            for (int i = 0; i < samples.size(); i++) {
                Sample sample = samples.get(i);
                Mat bgr = ImageFiles.decode(sample.encoded(), sample.name());
                long[] prep = new long[runs];
                long[] infer = new long[runs];
                String same;
                try {
                    for (int r = -warmup; r < runs; r++) {
                        long t0 = System.nanoTime();
                        Mat blob = model.prepare(bgr);
                        long t1 = System.nanoTime();
                        model.run(blob);
                        long t2 = System.nanoTime();
                        if (r >= 0) {
                            prep[r] = t1 - t0;
                            infer[r] = t2 - t1;
                        }
                    }
                    List<Detection> viaDnn = postprocessor.process(model.scores(), model.boxes(), 1917, 90,
                            sample.width(), sample.height(), DetectOptions.DEFAULTS);
                    List<Detection> viaOrt = detector.detect(bgr, DetectOptions.DEFAULTS).detections();
                    same = sameDetections(viaDnn, viaOrt) ? "yes" : "NO (" + viaDnn.size() + " vs " + viaOrt.size()
                            + ")";
                } catch (IllegalStateException e) {
                    out.println("OpenCV DNN: cannot run on " + sample.name() + ": " + e.getMessage());
                    node.put("error", e.getMessage());
                    return node;
                } finally {
                    bgr.release();
                }
                Percentiles p = Percentiles.of(prep);
                Percentiles inf = Percentiles.of(infer);
                Percentiles ort = ortInference.get(i);
                double ratio = ort.medianMs() > 0 ? inf.medianMs() / ort.medianMs() : 0;
                out.printf(Locale.ROOT, "%-22s %-9s %7.2f/%7.2f %7.2f/%7.2f %7.2f/%7.2f %8.2fx %s%n",
                        abbreviate(sample.name(), 22), sample.width() + "x" + sample.height(), p.medianMs(),
                        p.p95Ms(), inf.medianMs(), inf.p95Ms(), ort.medianMs(), ort.p95Ms(), ratio, same);
                ObjectNode row = rows.addObject();
                row.put("image", sample.name());
                row.putObject("preprocess").put("median", round(p.medianMs())).put("p95", round(p.p95Ms()));
                row.putObject("inference").put("median", round(inf.medianMs())).put("p95", round(inf.p95Ms()));
                row.put("dnnOverOrtInference", round(ratio));
                row.put("sameDetections", same.equals("yes"));
            }
        }
        err.flush();
        return node;
    }

    private static boolean sameDetections(List<Detection> a, List<Detection> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Detection x = a.get(i);
            Detection y = b.get(i);
            if (!x.className().equals(y.className()) || Math.abs(x.score() - y.score()) > 1e-3
                    || Math.abs(x.x() - y.x()) > 1 || Math.abs(x.y() - y.y()) > 1) {
                return false;
            }
        }
        return true;
    }

    private static ObjectNode soak(CocoSsdDetector detector, Sample frame, int calls, PrintStream out,
            ObjectMapper mapper) throws IOException {
        ObjectNode node = mapper.createObjectNode();
        Mat bgr = ImageFiles.decode(frame.encoded(), frame.name());
        try {
            int warm = Math.max(1, Math.min(500, calls / 10));
            for (int i = 0; i < warm; i++) {
                detector.detect(bgr, DetectOptions.DEFAULTS);
            }
            long startRss = ProcessMemory.residentBytes();
            long maxRss = startRss;
            long start = System.nanoTime();
            int step = Math.max(1, calls / 10);
            out.printf(Locale.ROOT, "%nsoak: %d detect calls on %s after %d warm-up calls; RSS %s%n", calls,
                    frame.name(), warm, mib(startRss));
            for (int i = 1; i <= calls; i++) {
                detector.detect(bgr, DetectOptions.DEFAULTS);
                if (i % step == 0 || i == calls) {
                    long rss = ProcessMemory.residentBytes();
                    maxRss = Math.max(maxRss, rss);
                    out.printf(Locale.ROOT, "  %6d calls: RSS %s, %.1f detect/s%n", i, mib(rss),
                            i / ((System.nanoTime() - start) / 1e9));
                }
            }
            long endRss = ProcessMemory.residentBytes();
            double growth = startRss > 0 ? 100.0 * (endRss - startRss) / startRss : Double.NaN;
            out.printf(Locale.ROOT, "soak: RSS %s -> %s (%+.2f %%), max %s%n", mib(startRss), mib(endRss), growth,
                    mib(maxRss));
            node.put("calls", calls);
            node.put("warmupCalls", warm);
            node.put("rssStartBytes", startRss);
            node.put("rssEndBytes", endRss);
            node.put("rssMaxBytes", maxRss);
            node.put("rssGrowthPercent", round(growth));
            node.put("seconds", round((System.nanoTime() - start) / 1e9));
        } finally {
            bgr.release();
        }
        return node;
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : value;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
