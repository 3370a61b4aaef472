package dev.lookout.run;

import dev.lookout.OutputPaths;
import ai.onnxruntime.OrtException;
import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfjsConverter;
import dev.lookout.convert.TfjsModel;
import dev.lookout.onnx.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of any model, the way TF.js's {@code model.predict()} runs it: an {@code .onnx} file, or a TF.js
 * {@code model.json} (or its folder) converted in memory first; one input from an image or a {@code .npy} tensor.
 */
public final class ModelRun {

    /** What to feed: a {@code .npy} tensor as it is, or an image resized and normalized. */
    public record Input(Path file, int width, int height, ImageTensor.Normalization normalization) {
    }

    private ModelRun() {
    }

    /**
     * The model's ONNX bytes: the file itself, or the conversion of a TF.js model. {@code output} (null for none)
     * must not be one of the model's files.
     */
    public static byte[] onnx(Path model, Path output) throws IOException, ConversionException {
        if (Files.isRegularFile(model) && model.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
                .endsWith(".onnx")) {
            OutputPaths.refuseOverwriting("the output", output, model, IOException::new);
            return Files.readAllBytes(model);
        }
        TfjsModel tfjs = TfjsModel.load(model);
        if (output != null) {
            TfjsConverter.refuseOverwritingInput(tfjs, output);
        }
        return TfjsConverter.convert(tfjs);
    }

    /** Runs {@code model} once on {@code input} and returns every output by name. */
    public static Map<String, Tensor> run(byte[] model, Input input) throws IOException, OrtException {
        try (OnnxModelRunner runner = new OnnxModelRunner(model)) {
            Map<String, long[]> inputs = runner.inputs();
            if (inputs.size() != 1) {
                throw new IOException("the model has " + inputs.size() + " inputs " + inputs.keySet()
                        + "; run feeds models with one input");
            }
            String name = inputs.keySet().iterator().next();
            long[] shape = inputs.get(name);
            Tensor tensor;
            if (input.file().getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy")) {
                tensor = Npy.read(Files.readAllBytes(input.file()), input.file().toString());
                checkFits(tensor, shape, runner.inputType(name) , input.file());
            } else {
                tensor = ImageTensor.read(input.file(), shape, runner.inputType(name), input.width(), input.height(),
                        input.normalization());
            }
            Map<String, Tensor> feed = new LinkedHashMap<>();
            feed.put(name, tensor);
            return runner.run(feed);
        }
    }

    private static void checkFits(Tensor t, long[] shape, dev.lookout.onnx.DataType type, Path file)
            throws IOException {
        boolean fits = t.type() == type && t.shape().length == shape.length;
        for (int i = 0; fits && i < shape.length; i++) {
            fits = shape[i] < 0 || shape[i] == t.shape()[i];
        }
        if (!fits) {
            throw new IOException(file + " holds " + t.type().name().toLowerCase(java.util.Locale.ROOT) + " "
                    + java.util.Arrays.toString(t.shape()) + "; the model's input takes "
                    + type.name().toLowerCase(java.util.Locale.ROOT) + " " + java.util.Arrays.toString(shape)
                    + " (-1: any size)");
        }
    }
}
