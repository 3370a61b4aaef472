package dev.lookout.cli;

import dev.lookout.capture.MediaFiles;
import dev.lookout.capture.OpenCv;
import dev.lookout.detect.ImageFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** The images {@code bench} times, held encoded in memory so that every run decodes them again. */
final class BenchImages {

    private BenchImages() {
    }

    /** One image to time: its encoded bytes (decoded on every run) and size. */
    record Sample(String name, byte[] encoded, int width, int height) {
    }

    /** The image files to time: the arguments' files and folders' images, or the default set. */
    static List<Path> find(List<String> arguments, PrintStream err) throws IOException {
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
                    files.filter(p -> Files.isRegularFile(p) && MediaFiles.hasImageExtension(p)).sorted()
                            .forEach(images::add);
                }
            } else {
                images.add(path);
            }
        }
        return images;
    }

    /** Reads every image (reporting the unreadable) and adds a 640×480 frame resized from the first. */
    static List<Sample> read(List<Path> images, PrintStream err) {
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
                            OpenCv.release(frame);
                            OpenCv.release(png);
                        }
                    }
                } finally {
                    OpenCv.release(bgr);
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
}
