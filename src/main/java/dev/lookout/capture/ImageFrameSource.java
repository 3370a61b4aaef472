package dev.lookout.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Frames from still images: one image file, or every image in a folder (sorted by name) as a slideshow. Finite:
 * {@link #read()} returns each image once, then null. Frame {@code i} carries the timestamp {@code i × interval},
 * so {@link PacedFrameSource} shows one image per interval. Unreadable images in a folder are skipped and
 * listed in {@link #skipped()}; an unreadable single image fails at open.
 */
public final class ImageFrameSource implements FrameSource {


    private final List<Path> files;
    private final String description;
    private final Duration interval;
    private final List<Path> skipped = new ArrayList<>();
    private Mat preloaded;
    private int position;
    private long nextIndex;
    private volatile boolean closed;

    private ImageFrameSource(List<Path> files, String description, Duration interval, Mat preloaded) {
        this.files = files;
        this.description = description;
        this.interval = interval;
        this.preloaded = preloaded;
    }


    /**
     * Opens an image file or a folder of images.
     *
     * @param interval the time between consecutive images' timestamps (one slideshow step)
     * @throws IOException when the path is missing, the image cannot be decoded, or the folder holds no images
     */
    public static ImageFrameSource open(Path path, Duration interval) throws IOException {
        OpenCv.load();
        if (!Files.exists(path)) {
            throw new IOException("no such file: " + path);
        }
        if (Files.isDirectory(path)) {
            List<Path> images;
            try (Stream<Path> entries = Files.list(path)) {
                images = entries.filter(p -> Files.isRegularFile(p) && MediaFiles.hasImageExtension(p))
                        .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                        .toList();
            }
            if (images.isEmpty()) {
                throw new IOException("no images in folder " + path + " (looked for "
                        + MediaFiles.imageExtensionList() + ")");
            }
            return new ImageFrameSource(images, path.toString(), interval, null);
        }
        Mat image = decode(path);
        if (image == null) {
            throw new IOException("cannot read " + path + " as an image: not an image format OpenCV decodes, "
                    + "or the file is damaged");
        }
        return new ImageFrameSource(List.of(path), path.toString(), interval, image);
    }

    private static Mat decode(Path file) {
        Mat image = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_COLOR);
        if (image.empty()) {
            OpenCv.release(image);
            return null;
        }
        return image;
    }

    @Override
    public String description() {
        return description;
    }

    /** The image files in slideshow order. */
    public List<Path> files() {
        return files;
    }

    /** The images that could not be decoded so far (they are left out of the slideshow). */
    public List<Path> skipped() {
        return List.copyOf(skipped);
    }

    @Override
    public synchronized Frame read() throws IOException {
        if (closed) {
            throw new IOException(description + " is closed");
        }
        while (position < files.size()) {
            Path file = files.get(position++);
            Mat image = preloaded != null ? preloaded : decode(file);
            preloaded = null;
            if (image == null) {
                skipped.add(file);
                continue;
            }
            long index = nextIndex++;
            return new Frame(image, index, index * interval.toNanos() / 1000, System.nanoTime());
        }
        return null;
    }

    @Override
    public double frameRate() {
        return 1e9 / interval.toNanos();
    }

    @Override
    public boolean isLive() {
        return false;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (preloaded != null) {
            OpenCv.release(preloaded);
            preloaded = null;
        }
    }
}
