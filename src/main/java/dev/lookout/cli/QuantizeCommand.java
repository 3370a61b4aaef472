package dev.lookout.cli;

import dev.lookout.detect.ModelFiles;
import dev.lookout.detect.Precision;
import dev.lookout.quantize.Int8Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lookout quantize}: the int8 model of a model folder, calibrated on real images. */
@Command(name = "quantize", mixinStandardHelpOptions = true, versionProvider = LookoutCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Make the int8 model (model-int8.onnx) of a model folder from its model.onnx.",
            "Static post-training quantization in QDQ form: activations calibrated on the given images, weights "
                    + "int8 per channel. The same inputs give the same file. See models/coco-ssd/MODEL.md.", ""})
final class QuantizeCommand extends CliCommand {

    @Option(names = "--model", paramLabel = "DIR", description = "the model folder (default models/coco-ssd)")
    Path modelDir;

    @Option(names = "--calibration", paramLabel = "SPEC", required = true, description = "calibration images: a "
            + "file, a folder (its images by name), or VIDEO@FROM-TO/STEP (frames, from 0); repeatable")
    List<String> calibration = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE", description = "where to write (default DIR/model-int8.onnx)")
    @Writes
    Path output;

    @Option(names = "--method", paramLabel = "M", defaultValue = Int8Model.DEFAULT_METHOD, description = "activation "
            + "ranges: minmax (default), percentile (99.99 %%), entropy (KL), or best (per tensor, least error)")
    String method;

    @Option(names = "--reduced-range", description = "7-bit weights (for x86 CPUs without VNNI, whose u8×s8 "
            + "kernels can saturate)")
    boolean reducedRange;

    @Option(names = "--keep-float", paramLabel = "NODE", description = "leave this Conv/Add (or every node under a "
            + "prefix ending in /) in float; repeatable (default: the first convolution)")
    List<String> keepFloat = new ArrayList<>(Int8Model.DEFAULT_KEEP_FLOAT);

    @Option(names = "--layers", description = "print each layer's quantization error (SQNR) after calibration")
    boolean layers;

    @Option(names = "--evaluate", paramLabel = "SPEC", description = "afterwards, AP@0.5 of int8 against fp32 on "
            + "these images (same forms as --calibration; use images not used for calibration); repeatable")
    List<String> evaluate = new ArrayList<>();

    @Option(names = "--quiet", description = "do not report the written file")
    boolean quiet;

    /** The fp32 model that is quantized. */
    @Override
    List<CommandPaths.Named> inputs() {
        Path dir = modelDir;
        if (dir == null) {
            try {
                dir = ModelFiles.findDefault().dir();
            } catch (IOException e) {
                return List.of(); // no model folder: the run says so with its own message
            }
        }
        return List.of(input("--model", dir.resolve(Precision.FP32.modelFile())));
    }

    @Override
    int run() throws Exception {
        ModelFiles files;
        try {
            files = modelDir != null ? ModelFiles.in(modelDir) : ModelFiles.findDefault();
        } catch (IOException e) {
            problem(e.getMessage());
            return Main.EXIT_FAILED;
        }
        Path target = output != null ? output : files.dir().resolve(Precision.INT8.modelFile());
        try {
            String summary = Int8Model.make(files.model(), target, calibration,
                    new Int8Model.Settings(method, reducedRange, keepFloat), layers ? out::println : null);
            if (!quiet) {
                err.println(summary);
            }
            if (!evaluate.isEmpty()) {
                if (output != null && !target.toAbsolutePath().getParent().equals(files.dir().toAbsolutePath())) {
                    throw new UsageException("--evaluate needs the int8 model in the model folder (no --output)");
                }
                Int8Model.evaluate(files.dir(), evaluate, out::println);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            problem(e.getMessage());
            return Main.EXIT_FAILED;
        }
        return 0;
    }
}
