package dev.lookout.cli;

import dev.lookout.detect.Device;
import dev.lookout.detect.ModelFiles;
import dev.lookout.detect.Precision;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --device} and {@code --model}: which model runs where; shared by {@code detect}, {@code live}, {@code bench}. */
final class ModelOptions {

    @Option(names = "--device", paramLabel = "D", converter = DeviceConverter.class, defaultValue = "auto",
            description = "auto (default: CUDA when an NVIDIA driver is present, else CPU), cpu or cuda")
    Device device = Device.AUTO;

    @Option(names = "--model", paramLabel = "DIR", description = "the model folder (default models/coco-ssd)")
    Path modelDir;

    @Option(names = "--precision", paramLabel = "P", converter = PrecisionConverter.class, defaultValue = "fp32",
            description = "fp32 (default: model.onnx, TF.js-exact) or int8 (model-int8.onnx: faster on CPUs, "
                    + "slightly different answers; see docs/PERFORMANCE.md)")
    Precision precision = Precision.FP32;

    /** The model folder asked for, or the default one found beside the jar or the working folder. */
    Path modelDir() throws IOException {
        return modelDir != null ? modelDir : ModelFiles.findDefault().dir();
    }

    /** {@code fp32} or {@code int8}, in any case. */
    static final class PrecisionConverter implements ITypeConverter<Precision> {
        @Override
        public Precision convert(String text) {
            try {
                return Precision.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code auto}, {@code cpu} or {@code cuda}, in any case. */
    static final class DeviceConverter implements ITypeConverter<Device> {
        @Override
        public Device convert(String text) {
            try {
                return Device.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
