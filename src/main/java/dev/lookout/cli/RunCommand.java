package dev.lookout.cli;

import dev.lookout.convert.ConversionException;
import dev.lookout.onnx.Tensor;
import dev.lookout.run.ImageTensor;
import dev.lookout.run.ModelRun;
import dev.lookout.run.OutputFiles;
import dev.lookout.run.OutputSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lookout run MODEL --input FILE}: runs any model once and writes every output (see {@link ModelRun}). */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = LookoutCommand.Version.class,
        description = {"Run any model once (an .onnx file, or a TF.js model.json converted on the fly) on an image or"
                + " a .npy tensor, and write every output.",
            "An image is resized to the model's input (or --size) and each value is (pixel * scale - mean) / std."})
final class RunCommand extends CliCommand {

    @Parameters(paramLabel = "MODEL", description = "an .onnx file, a TF.js model.json, or the folder holding it")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "an image or a .npy tensor")
    Path input;

    @Option(names = "--size", paramLabel = "WxH", description = "the image size the model gets, when its input"
            + " size is dynamic (default: the image's own)")
    String size;

    @Option(names = "--scale", defaultValue = "1", description = "pixels (0-255) are multiplied by this first")
    double scale;

    @Option(names = "--mean", defaultValue = "0", description = "then this is subtracted")
    double mean;

    @Option(names = "--std", defaultValue = "1", description = "then the value is divided by this")
    double std;

    @Option(names = "--output", paramLabel = "OUT.npz|OUT.json", description = "write every output here; without"
            + " it, one summary line per output is printed")
    @Writes
    Path output;

    /** A TF.js MODEL's folder: model.json and its weight shards are read. */
    @Override
    List<CommandPaths.Named> inputs() throws UsageException {
        return model.getFileName() != null && model.getFileName().toString().endsWith(".onnx") ? List.of()
                : modelFolderFiles("MODEL", model);
    }

    @Override
    int run() throws Exception {
        int width = 0;
        int height = 0;
        if (size != null) {
            String[] wh = size.toLowerCase(Locale.ROOT).split("x");
            try {
                width = Integer.parseInt(wh[0]);
                height = Integer.parseInt(wh[1]);
            } catch (RuntimeException e) {
                width = -1;
            }
            if (wh.length != 2 || width < 1 || height < 1) {
                throw new UsageException("--size takes WIDTHxHEIGHT, e.g. 320x240 (not '" + size + "')");
            }
        }
        if (std == 0) {
            throw new UsageException("--std must not be 0");
        }
        String format = output == null ? null : output.getFileName().toString().toLowerCase(Locale.ROOT)
                .endsWith(".json") ? "json" : output.getFileName().toString().toLowerCase(Locale.ROOT)
                .endsWith(".npz") ? "npz" : "";
        if ("".equals(format)) {
            throw new UsageException("--output must end in .npz or .json");
        }
        try {
            byte[] onnx = ModelRun.onnx(model, output);
            Map<String, Tensor> outputs = ModelRun.run(onnx,
                    new ModelRun.Input(input, width, height, new ImageTensor.Normalization(scale, mean, std)));
            if (output == null) {
                outputs.forEach((name, t) -> out.println(OutputSummary.line(name, t)));
            } else {
                byte[] bytes = format.equals("json") ? OutputFiles.json(outputs).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8) : OutputFiles.npz(outputs);
                dev.lookout.AtomicFiles.replace(output, out -> out.write(bytes), true);
            }
            return 0;
        } catch (ConversionException | IOException | ai.onnxruntime.OrtException e) {
            problem(e.getMessage());
            return Main.EXIT_FAILED;
        }
    }
}
