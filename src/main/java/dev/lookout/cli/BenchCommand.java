package dev.lookout.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.capture.OpenCv;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.DetectionResult;
import dev.lookout.detect.ImageFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencv.core.Mat;
import dev.lookout.track.TrackerBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lookout bench}: where detection time goes (decode, preprocess, inference, post-process) per image, ONNX
 * Runtime against OpenCV DNN on the same model, and optionally a soak run that watches the process's memory.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = LookoutCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Time detection stages, ONNX Runtime vs OpenCV DNN, memory over a long run.", "",
            "Times decode, preprocess, inference, post-process, detect (= the three detector stages) and total "
                    + "(= decode + detect) over N runs after K warm-ups, for each image and for a 640x480 frame "
                    + "resized from the first one; then the same model through OpenCV DNN, with the ratio.",
            "cpu ms: mean CPU time of the whole process per detect call (all threads; 10 ms ticks, so use many "
                    + "runs): unlike wall time it hardly moves when other programs load the machine.",
            "The last line is one JSON object with every figure.", ""})
public final class BenchCommand extends CliCommand {

    private static final String[] STAGES = {"decode", "preprocess", "inference", "postprocess", "detect", "total"};

    @Option(names = "--runs", paramLabel = "N", defaultValue = "20", description = "timed runs per image "
            + "(default ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--warmup", paramLabel = "K", defaultValue = "3", description = "untimed runs first "
            + "(default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--soak", paramLabel = "N", defaultValue = "0", description = "afterwards, N detect calls on the "
            + "640x480 frame, reporting resident memory growth")
    int soak;

    @Option(names = "--no-dnn", description = "skip the OpenCV DNN comparison")
    boolean noDnn;

    @Option(names = "--tracker", description = "time the tracker instead: 50 objects (jitter, misses, false "
            + "positives), median / p95 per frame, wall and CPU time")
    boolean tracker;

    @Option(names = "--compare-precision", description = "afterwards, time the fp32 and the int8 model alternately, "
            + "run by run on the same frames (so both see the same machine load), with the inference ratio")
    boolean comparePrecision;

    @Mixin
    ModelOptions model = new ModelOptions();

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "image files or folders. Default: the 7 TF.js "
            + "reference PNGs in ../shared/reference/coco-ssd/images, else the darknet photos in "
            + "$LOOKOUT_TESTDATA/darknet")
    List<String> inputs = List.of();

    /** {@code --tracker}: ByteTrack on 50 objects, three runs of 3000 frames after 300 warm-up frames. */
    private int trackerBench() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode report = mapper.createObjectNode();
        report.put("date", Instant.now().toString());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "Lookout bench --tracker: %s, %d cores, Java %s; 50 objects, 3000 frames after "
                + "300 warm-up, per frame in µs%n", Instant.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        var runsNode = report.putArray("tracker");
        for (int seed = 0; seed < 3; seed++) {
            TrackerBenchmark.Result r = TrackerBenchmark.run(50, 300, 3000, seed);
            out.printf(Locale.ROOT, "run %d: wall median %.0f p95 %.0f max %.0f; CPU median %.0f p95 %.0f; "
                    + "%.1f tracks per frame%n", seed + 1, r.medianMicros(), r.p95Micros(), r.maxMicros(),
                    r.cpuMedianMicros(), r.cpuP95Micros(), r.tracksPerFrame());
            runsNode.add(mapper.valueToTree(r));
        }
        out.println(mapper.writeValueAsString(report));
        return 0;
    }

    @Override
    int run() throws Exception {
        if (runs < 1 || warmup < 0 || soak < 0) {
            throw new UsageException("--runs must be 1 or more, --warmup and --soak 0 or more");
        }
        if (tracker) {
            return trackerBench();
        }
        List<Path> images = BenchImages.find(inputs, err);
        if (images.isEmpty()) {
            throw new UsageException("no images to time: give INPUT images or folders");
        }

        Path modelDir;
        CocoSsdDetector loaded;
        long loadStart = System.nanoTime();
        try {
            modelDir = model.modelDir();
            loaded = CocoSsdDetector.load(modelDir, model.device, this::problem, model.precision);
        } catch (IOException e) {
            problem(e.getMessage());
            return Main.EXIT_FAILED;
        }
        double loadMs = (System.nanoTime() - loadStart) / 1e6;
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode report = mapper.createObjectNode();
        try (CocoSsdDetector detector = loaded) {
            List<BenchImages.Sample> samples = BenchImages.read(images, err);
            if (samples.isEmpty()) {
                problem("none of the images could be read");
                return Main.EXIT_FAILED;
            }
            int cores = Runtime.getRuntime().availableProcessors();
            out.printf(Locale.ROOT, "Lookout bench: %s, %d cores, %s %s, Java %s; provider %s; model %s (%s, "
                    + "loaded in %.0f ms)%n", Instant.now(), cores, System.getProperty("os.name"),
                    System.getProperty("os.arch"), System.getProperty("java.version"), detector.provider(),
                    detector.modelFile(), detector.precision().label(), loadMs);
            out.printf(Locale.ROOT, "%d runs after %d warm-ups per image; median / p95 in ms%n%n", runs, warmup);
            report.put("date", Instant.now().toString());
            report.put("cores", cores);
            report.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            report.put("java", System.getProperty("java.version"));
            report.put("provider", detector.provider());
            report.put("model", detector.modelFile().toString());
            report.put("precision", detector.precision().label());
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
                        OpenCv.release(bgr);
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

            if (!noDnn) {
                report.set("opencvDnn", DnnComparison.run(modelDir, samples, runs, warmup, ortInference, detector,
                        out, mapper));
            }
            if (comparePrecision) {
                report.set("precisions", PrecisionComparison.run(modelDir, model.device, samples, runs, warmup, out,
                        mapper));
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
