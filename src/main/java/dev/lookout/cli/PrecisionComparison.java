package dev.lookout.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.capture.OpenCv;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.DetectionResult;
import dev.lookout.detect.Device;
import dev.lookout.detect.ImageFiles;
import dev.lookout.detect.Precision;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.opencv.core.Mat;

/**
 * {@code bench --compare-precision}: the fp32 and the int8 model timed alternately, run by run on the same decoded
 * frame (which goes first alternates too), so that a busy machine slows both alike and the ratio stays meaningful.
 */
final class PrecisionComparison {

    private PrecisionComparison() {
    }

    /** Times both models on every sample; prints a table and returns its figures. */
    static ObjectNode run(Path modelDir, Device device, List<BenchImages.Sample> samples, int runs, int warmup,
            PrintStream out, ObjectMapper mapper) throws IOException {
        ObjectNode node = mapper.createObjectNode();
        out.println();
        try (CocoSsdDetector fp32 = CocoSsdDetector.load(modelDir, device, line -> { }, Precision.FP32);
                CocoSsdDetector int8 = CocoSsdDetector.load(modelDir, device, line -> { }, Precision.INT8)) {
            out.printf("%-22s %-9s %17s %17s %8s %11s %11s%n", "fp32 vs int8", "size", "fp32 inference",
                    "int8 inference", "speed-up", "fp32 cpu ms", "int8 cpu ms");
            node.put("fp32", fp32.modelFile().toString());
            node.put("int8", int8.modelFile().toString());
            ArrayNode rows = node.putArray("images");
            long[] allFp32 = new long[samples.size() * runs];
            long[] allInt8 = new long[samples.size() * runs];
            for (int i = 0; i < samples.size(); i++) {
                BenchImages.Sample sample = samples.get(i);
                long[][] inference = new long[2][runs];
                long[] cpu = new long[2];
                Mat bgr = ImageFiles.decode(sample.encoded(), sample.name());
                try {
                    for (int r = -warmup; r < runs; r++) {
                        for (int k = 0; k < 2; k++) {
                            int which = (k + Math.floorMod(r, 2)) % 2; // alternate which model goes first
                            CocoSsdDetector detector = which == 0 ? fp32 : int8;
                            long cpuBefore = ProcessMemory.cpuNanos();
                            DetectionResult result = detector.detect(bgr, DetectOptions.DEFAULTS);
                            if (r >= 0) {
                                cpu[which] += ProcessMemory.cpuNanos() - cpuBefore;
                                inference[which][r] = result.timings().inferenceNanos();
                            }
                        }
                    }
                } finally {
                    OpenCv.release(bgr);
                }
                System.arraycopy(inference[0], 0, allFp32, i * runs, runs);
                System.arraycopy(inference[1], 0, allInt8, i * runs, runs);
                ObjectNode row = rows.addObject();
                row.put("image", sample.name());
                print(out, BenchCommand.abbreviate(sample.name(), 22), sample.width() + "x" + sample.height(),
                        Percentiles.of(inference[0]), Percentiles.of(inference[1]), cpu[0] / 1e6 / runs,
                        cpu[1] / 1e6 / runs, row);
            }
            print(out, "all images", "", Percentiles.of(allFp32), Percentiles.of(allInt8), Double.NaN, Double.NaN,
                    node.putObject("all"));
        } catch (IOException e) {
            out.println("fp32 vs int8: " + e.getMessage());
            node.put("error", e.getMessage());
        }
        return node;
    }

    private static void print(PrintStream out, String name, String size, Percentiles fp32, Percentiles int8,
            double fp32Cpu, double int8Cpu, ObjectNode row) {
        double speedUp = fp32.medianMs() / int8.medianMs();
        out.printf(Locale.ROOT, "%-22s %-9s %8.2f/%8.2f %8.2f/%8.2f %7.2fx %11s %11s%n", name, size, fp32.medianMs(),
                fp32.p95Ms(), int8.medianMs(), int8.p95Ms(), speedUp, cpuText(fp32Cpu), cpuText(int8Cpu));
        row.put("fp32InferenceMedian", BenchCommand.round(fp32.medianMs()));
        row.put("fp32InferenceP95", BenchCommand.round(fp32.p95Ms()));
        row.put("int8InferenceMedian", BenchCommand.round(int8.medianMs()));
        row.put("int8InferenceP95", BenchCommand.round(int8.p95Ms()));
        row.put("speedUp", BenchCommand.round(speedUp));
        if (!Double.isNaN(fp32Cpu)) {
            row.put("fp32DetectCpuMsMean", BenchCommand.round(fp32Cpu));
            row.put("int8DetectCpuMsMean", BenchCommand.round(int8Cpu));
        }
    }

    private static String cpuText(double ms) {
        return Double.isNaN(ms) ? "" : String.format(Locale.ROOT, "%.1f", ms);
    }
}
