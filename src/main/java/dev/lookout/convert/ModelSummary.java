package dev.lookout.convert;

import dev.lookout.onnx.OnnxModelInfo;
import dev.lookout.onnx.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code lookout inspect} shows of a model, whether a TF.js {@code model.json} or an {@code .onnx} file.
 *
 * @param format {@code tfjs-graph-model} or {@code onnx}
 * @param inputs the inputs
 * @param outputs the outputs (dtype and shape may be unknown for TF.js models: {@code unknown} and null)
 * @param opHistogram op type → count, sorted by op
 * @param parameters the number of weight elements
 * @param weightBytes the bytes of weight data
 */
public record ModelSummary(String format, List<OnnxModelInfo.Port> inputs, List<OnnxModelInfo.Port> outputs,
        Map<String, Integer> opHistogram, long parameters, long weightBytes) {

    /** Reads a summary of {@code path}: an {@code .onnx} file, a {@code model.json}, or a folder holding one. */
    public static ModelSummary of(Path path) throws ConversionException {
        if (Files.isRegularFile(path) && !path.getFileName().toString().endsWith(".json")) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(path);
            } catch (IOException e) {
                throw new ConversionException("cannot read " + path + ": " + e.getMessage(), e);
            }
            try {
                OnnxModelInfo info = OnnxModelInfo.read(bytes);
                return new ModelSummary("onnx", info.inputs(), info.outputs(), info.opHistogram(), info.parameters(),
                        info.weightBytes());
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new ConversionException(path + " is neither an ONNX model nor a TF.js model.json ("
                        + e.getMessage() + ")");
            }
        }
        TfjsModel model = TfjsModel.load(path);
        List<OnnxModelInfo.Port> inputs = new ArrayList<>();
        Map<String, Integer> histogram = new TreeMap<>();
        for (TfNode n : model.nodes()) {
            histogram.merge(n.op(), 1, Integer::sum);
            if (n.op().equals("Placeholder")) {
                TfDataType t = n.typeAttr("dtype", TfDataType.FLOAT);
                inputs.add(new OnnxModelInfo.Port(n.name(), t == TfDataType.UNSUPPORTED ? "other"
                        : t.name().toLowerCase(Locale.ROOT), InlineTensor.shapeAttr(n)));
            }
        }
        List<OnnxModelInfo.Port> outputs = new ArrayList<>();
        for (String o : TfjsConverter.outputs(model)) {
            outputs.add(new OnnxModelInfo.Port(o, "unknown", null));
        }
        long parameters = 0;
        long bytes = 0;
        for (Tensor t : model.weights().values()) {
            parameters += t.size();
        }
        for (Path f : model.files().subList(1, model.files().size())) {
            try {
                bytes += Files.size(f);
            } catch (IOException e) {
                throw new ConversionException("cannot read " + f + ": " + e.getMessage(), e);
            }
        }
        return new ModelSummary("tfjs-graph-model", inputs, outputs, histogram, parameters, bytes);
    }
}
