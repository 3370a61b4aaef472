package dev.lookout.quantize;

import dev.lookout.capture.FfmpegFrameSource;
import dev.lookout.capture.Frame;
import dev.lookout.capture.MediaFiles;
import dev.lookout.capture.OpenCv;
import dev.lookout.detect.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opencv.core.Mat;

/**
 * Real images for calibration or evaluation, read again on every pass (they are not held in memory): image files,
 * the images of a folder (sorted by name), and frames of a video selected as {@code FILE@FROM-TO/STEP} (frame
 * numbers from 0, both ends included; {@code /STEP} optional).
 */
final class CalibrationSet {

    private static final Pattern FRAMES = Pattern.compile("(.+)@(\\d+)-(\\d+)(?:/(\\d+))?");

    /** One source: an image file, or a video with its chosen frames. */
    private record Source(Path file, int from, int to, int step) {
        boolean isVideo() {
            return step > 0;
        }
    }

    /** Receives one decoded BGR image; the image is released after the call. */
    @FunctionalInterface
    interface ImageConsumer {
        void accept(String name, Mat bgr) throws Exception;
    }

    private final List<Source> sources;

    private CalibrationSet(List<Source> sources) {
        this.sources = sources;
    }

    /**
     * Parses specs: image files, folders, {@code video@from-to/step}.
     *
     * @throws IOException naming a spec that does not exist or selects nothing
     */
    static CalibrationSet parse(List<String> specs) throws IOException {
        List<Source> sources = new ArrayList<>();
        for (String spec : specs) {
            Matcher m = FRAMES.matcher(spec);
            if (m.matches()) {
                Path video = Path.of(m.group(1));
                if (!Files.isRegularFile(video)) {
                    throw new IOException("video " + video + " not found");
                }
                int from = Integer.parseInt(m.group(2));
                int to = Integer.parseInt(m.group(3));
                int step = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
                if (to < from || step < 1) {
                    throw new IOException("no frames selected by " + spec + " (use FILE@FROM-TO/STEP, FROM <= TO)");
                }
                sources.add(new Source(video, from, to, step));
            } else {
                Path p = Path.of(spec);
                if (Files.isDirectory(p)) {
                    try (Stream<Path> files = Files.list(p)) {
                        files.filter(MediaFiles::hasImageExtension).sorted()
                                .forEach(f -> sources.add(new Source(f, 0, 0, 0)));
                    }
                } else if (Files.isRegularFile(p)) {
                    sources.add(new Source(p, 0, 0, 0));
                } else {
                    throw new IOException("calibration input " + spec + " not found");
                }
            }
        }
        if (sources.isEmpty()) {
            throw new IOException("no images in " + specs);
        }
        return new CalibrationSet(sources);
    }

    /** The images' names in reading order: the file name, or {@code video#frame}. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        for (Source s : sources) {
            if (s.isVideo()) {
                for (int f = s.from; f <= s.to; f += s.step) {
                    names.add(s.file.getFileName() + "#" + f);
                }
            } else {
                names.add(s.file.getFileName().toString());
            }
        }
        return names;
    }

    /** Decodes every image in order and hands it to {@code consumer}. */
    void forEach(ImageConsumer consumer) throws Exception {
        for (Source s : sources) {
            if (!s.isVideo()) {
                Mat bgr = ImageFiles.read(s.file);
                try {
                    consumer.accept(s.file.getFileName().toString(), bgr);
                } finally {
                    OpenCv.release(bgr);
                }
                continue;
            }
            try (FfmpegFrameSource video = FfmpegFrameSource.openFile(s.file)) {
                for (int f = 0; f <= s.to; f++) {
                    try (Frame frame = video.read()) {
                        if (frame == null) {
                            throw new IOException(s.file + " has only " + f + " frames; " + s.to + " was asked for");
                        }
                        if (f >= s.from && (f - s.from) % s.step == 0) {
                            consumer.accept(s.file.getFileName() + "#" + f, frame.image());
                        }
                    }
                }
            }
        }
    }
}
