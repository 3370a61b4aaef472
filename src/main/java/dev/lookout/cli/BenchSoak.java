package dev.lookout.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.capture.OpenCv;
import dev.lookout.detect.CocoSsdDetector;
import dev.lookout.detect.DetectOptions;
import dev.lookout.detect.ImageFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import org.opencv.core.Mat;

/** {@code bench --soak N}: does a long run of detect calls grow the process's memory? */
final class BenchSoak {

    private BenchSoak() {
    }

    /**
     * Runs {@code calls} detections on one frame after a warm-up and reports the resident memory at the start,
     * every tenth of the way, and the end.
     */
    static ObjectNode run(CocoSsdDetector detector, BenchImages.Sample frame, int calls, PrintStream out,
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
            node.put("rssGrowthPercent", BenchCommand.round(growth));
            node.put("seconds", BenchCommand.round((System.nanoTime() - start) / 1e9));
        } finally {
            OpenCv.release(bgr);
        }
        return node;
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
