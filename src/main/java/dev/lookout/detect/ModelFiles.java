package dev.lookout.detect;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A model folder: {@code model.onnx} and {@code labels.json} side by side, as {@code lookout convert} writes them to
 * {@code models/coco-ssd/}.
 *
 * @param dir the folder
 * @param model its {@code model.onnx}
 * @param labels its {@code labels.json}
 */
public record ModelFiles(Path dir, Path model, Path labels) {

    /** The model folder's place relative to the working directory or to the installation. */
    public static final String DEFAULT_DIR = "models/coco-ssd";
    /** The ONNX graph's file name (the float model; see {@link Precision} for the int8 one). */
    public static final String MODEL_FILE = "model.onnx";
    /** The class names' file name. */
    public static final String LABELS_FILE = "labels.json";

    /** What to do about a missing {@code labels.json}: {@code convert} writes only the ONNX model. */
    static final String HOW_TO_MAKE_LABELS = "copy models/coco-ssd/labels.json (Coco-SSD's 80 class names by id, "
            + "{\"1\":\"person\",...}) beside model.onnx; 'lookout convert' writes only the ONNX model";

    private static final String HOW_TO_FIX = "run 'lookout convert' to create it, or point to a folder holding "
            + MODEL_FILE + " and " + LABELS_FILE;

    /**
     * Checks that {@code dir} holds a non-empty {@code model.onnx} and a {@code labels.json}.
     *
     * @throws IOException naming the missing or unreadable file and what to do
     */
    public static ModelFiles in(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            throw new IOException("model folder " + dir + " does not exist: " + HOW_TO_FIX);
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException("model folder " + dir + " is a file, not a folder: " + HOW_TO_FIX);
        }
        Path model = dir.resolve(MODEL_FILE);
        Path labels = dir.resolve(LABELS_FILE);
        requireFile(model);
        requireFile(labels);
        if (Files.size(model) == 0) {
            throw new IOException("model file " + model + " is empty: " + HOW_TO_FIX);
        }
        return new ModelFiles(dir, model, labels);
    }

    /**
     * The default model folder: {@code models/coco-ssd} under the working directory, else beside the installation
     * ({@code <jar dir>/../models/coco-ssd}, then {@code <jar dir>/models/coco-ssd}).
     *
     * @throws IOException listing the places looked at when none holds a model
     */
    public static ModelFiles findDefault() throws IOException {
        List<Path> tried = new ArrayList<>();
        for (Path candidate : defaultCandidates()) {
            tried.add(candidate);
            if (Files.isRegularFile(candidate.resolve(MODEL_FILE))) {
                return in(candidate);
            }
        }
        throw new IOException("no Coco-SSD model found (looked for " + MODEL_FILE + " in "
                + String.join(", ", tried.stream().map(Path::toString).toList()) + "): " + HOW_TO_FIX);
    }

    /** The folders {@link #findDefault()} looks in, in order. */
    public static List<Path> defaultCandidates() {
        Set<Path> candidates = new LinkedHashSet<>();
        candidates.add(Path.of("").toAbsolutePath().resolve(DEFAULT_DIR).normalize());
        Path installDir = installDir();
        if (installDir != null) {
            candidates.add(installDir.resolve("..").resolve(DEFAULT_DIR).normalize());
            candidates.add(installDir.resolve(DEFAULT_DIR).normalize());
        }
        return List.copyOf(candidates);
    }

    /** The folder holding Lookout's jar (or, in a build tree, the folder above {@code target/classes}). */
    private static Path installDir() {
        try {
            var source = ModelFiles.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            Path location = Path.of(source.getLocation().toURI()).toAbsolutePath();
            return location.getParent();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null; // an exotic class loader: the working directory is still searched
        }
    }

    /**
     * The model file for {@code precision}: {@link #model()} for fp32, else its sibling (e.g. {@code model-int8.onnx}).
     *
     * @throws IOException naming the missing file and how to make it
     */
    public Path model(Precision precision) throws IOException {
        if (precision == Precision.FP32) {
            return model;
        }
        Path file = dir.resolve(precision.modelFile());
        if (!Files.isRegularFile(file)) {
            throw new IOException("model folder " + dir + " has no " + precision.modelFile() + " (the "
                    + precision.label() + " model): run 'lookout quantize' to create it, or use --precision fp32");
        }
        requireFile(file);
        return file;
    }

    private static void requireFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("model folder " + file.getParent() + " has no " + file.getFileName() + ": "
                    + (file.getFileName().toString().equals(LABELS_FILE) ? HOW_TO_MAKE_LABELS : HOW_TO_FIX));
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a regular file: " + HOW_TO_FIX);
        }
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read " + file + ": check its permissions");
        }
    }
}
