package dev.lookout.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.DetectionResult;
import dev.lookout.detect.Device;
import dev.lookout.detect.ImageFiles;
import dev.lookout.detect.ModelFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opencv.core.Mat;

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
        List<Path> images = BenchImages.find(args.positional(), err);
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
            List<BenchImages.Sample> samples = BenchImages.read(images, err);
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
            for (BenchImages.Sample sample : samples) {
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
                report.set("opencvDnn", DnnComparison.run(modelDir, samples, runs, warmup, ortInference, detector,
                        out, mapper));
            }
            if (soak > 0) {
                report.set("soak", BenchSoak.run(detector, samples.get(samples.size() - 1), soak, out, mapper));
            }
        }
        out.println(mapper.writeValueAsString(report));
        return 0;
    }

    /** Rounds to 3 decimals for the JSON report. */
    static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : value;
    }

    /** Shortens a name to {@code max} characters for the tables. */
    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
