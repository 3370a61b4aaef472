package dev.lookout.convert;

import dev.lookout.AtomicFiles;
import dev.lookout.OutputPaths;
import ai.onnxruntime.OrtException;
import dev.lookout.convert.ops.Value.Const;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.convert.ops.Value;
import dev.lookout.onnx.OnnxGraph;
import dev.lookout.onnx.OnnxWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Converts a TensorFlow.js graph model ({@code model.json} + weight shards) into an ONNX model that ONNX Runtime
 * runs with the same numbers. Inputs keep their unknown dims (batch, height, width), except that in a graph with TF1
 * TensorArrays (a {@code map_fn} over the batch, unrolled once) an unknown batch is fixed at 1.
 */
public final class TfjsConverter {

    /** The version written into converted models' metadata. */
    public static final String VERSION = "1";

    /** Coco-SSD's TF outputs and the names the converted model gives them. */
    private static final Map<String, String> SSD_OUTPUT_NAMES = Map.of(
            "Postprocessor/Slice", "scores",
            "Postprocessor/ExpandDims_1", "boxes");

    private TfjsConverter() {
    }

    /**
     * Converts {@code input} (a {@code model.json} or its folder) into {@code output}. The file appears only when
     * the conversion succeeded: it is written beside the target and renamed into place.
     */
    public static void convert(Path input, Path output) throws ConversionException {
        TfjsModel model = TfjsModel.load(input);
        refuseOverwritingInput(model, output);
        byte[] bytes = convert(model);
        Path dir = output.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConversionException("cannot write " + output + ": cannot make its folder " + dir + ": "
                    + dev.lookout.Failures.reason(e), e);
        }
        try {
            AtomicFiles.replace(output, out -> out.write(bytes), true); // a model is an ordinary readable file
        } catch (IOException e) {
            throw new ConversionException(e.getMessage(), e); // names the file and the reason
        }
    }

    /** Fails when {@code output} is {@code model.json} or a weight shard, also through a link. */
    public static void refuseOverwritingInput(TfjsModel model, Path output) throws ConversionException {
        for (Path file : model.files()) {
            OutputPaths.refuseOverwriting("the output", output, file, ConversionException::new);
        }
    }

    /** Converts a loaded model to the bytes of an ONNX file. */
    public static byte[] convert(TfjsModel model) throws ConversionException {
        List<String> outputs = outputs(model);
        checkSupported(model, outputs);
        OnnxGraph graph = new OnnxGraph("lookout");
        try (ConstantFolder folder = new ConstantFolder()) {
            GraphConverter converter = new GraphConverter(model, graph, folder);
            List<String> produced = new ArrayList<>();
            List<Dyn> values = new ArrayList<>();
            for (String out : outputs) {
                Value v = converter.value(out);
                if (v instanceof Const) {
                    throw new ConversionException("output " + out + " is a constant; nothing to run");
                }
                if (!(v instanceof Dyn d)) {
                    throw new ConversionException("output " + out + " is not a tensor");
                }
                Dyn logical = converter.logical(d);
                values.add(logical);
                produced.add(logical.name());
            }
            for (int i = 0; i < outputs.size(); i++) {
                String name = SSD_OUTPUT_NAMES.keySet().containsAll(outputs)
                        ? SSD_OUTPUT_NAMES.get(outputs.get(i)) : outputs.get(i);
                nameOutput(graph, produced.get(i), name);
                Dyn v = values.get(i);
                String[] dimNames = new String[v.rank()];
                for (int k = 0; k < dimNames.length; k++) {
                    dimNames[k] = name + "_d" + k;
                }
                graph.addOutput(new OnnxGraph.ValueInfo(name, v.type(), v.shape(), dimNames));
            }
        } catch (OrtException | IOException e) {
            throw new ConversionException("ONNX Runtime could not start for constant folding: " + e.getMessage(), e);
        }
        new GraphOptimizer(graph).run();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("converter", "lookout convert " + VERSION + " (TensorFlow.js graph model to ONNX)");
        metadata.put("source_outputs", String.join(",", outputs));
        return OnnxWriter.write(graph, "lookout", VERSION, metadata);
    }

    /**
     * The model's outputs, by TF.js's rule: the signature's outputs when the model has a signature (they may be
     * inner nodes), else the nodes nothing consumes, in file order.
     */
    public static List<String> outputs(TfjsModel model) throws ConversionException {
        if (!model.signatureOutputs().isEmpty()) {
            List<String> outputs = new ArrayList<>();
            for (String ref : model.signatureOutputs().values()) {
                String name = ref.endsWith(":0") ? ref.substring(0, ref.length() - 2) : ref;
                if (model.node(name.contains(":") ? name.substring(0, name.lastIndexOf(':')) : name) == null) {
                    throw new ConversionException("the signature names an output " + ref + " that the graph"
                            + " does not define");
                }
                outputs.add(name);
            }
            return outputs;
        }
        Set<String> consumed = new HashSet<>();
        for (TfNode n : model.nodes()) {
            for (String in : n.inputs()) {
                consumed.add(in.contains(":") ? in.substring(0, in.lastIndexOf(':')) : in);
            }
            consumed.addAll(n.controlInputs());
        }
        List<String> outputs = new ArrayList<>();
        for (TfNode n : model.nodes()) {
            if (!consumed.contains(n.name()) && !Set.of("Const", "NoOp", "Placeholder").contains(n.op())) {
                outputs.add(n.name());
            }
        }
        return outputs;
    }

    /** Fails with every unsupported op type and one node of each, like TF.js does, rather than the first only. */
    static void checkSupported(TfjsModel model, List<String> outputs) throws ConversionException {
        Set<String> seen = new HashSet<>();
        List<String> stack = new ArrayList<>(outputs);
        while (!stack.isEmpty()) {
            String ref = stack.remove(stack.size() - 1);
            String name = ref.contains(":") ? ref.substring(0, ref.lastIndexOf(':')) : ref;
            if (!seen.add(name)) {
                continue;
            }
            TfNode n = model.node(name);
            if (n == null) {
                throw new ConversionException("the graph refers to a node '" + name + "' that it does not define");
            }
            stack.addAll(n.inputs());
        }
        Map<String, String> unsupported = new TreeMap<>();
        for (TfNode n : model.nodes()) {
            if (seen.contains(n.name()) && !GraphConverter.OPS.ops().contains(n.op())) {
                unsupported.putIfAbsent(n.op(), n.name()); // the first in graph order
            }
        }
        if (!unsupported.isEmpty()) {
            StringBuilder sb = new StringBuilder("the model uses ops the converter does not support: ");
            unsupported.forEach((op, node) -> sb.append(op).append(" (node ").append(node).append("), "));
            sb.setLength(sb.length() - 2);
            throw new ConversionException(sb.toString());
        }
    }

    /** Renames the value {@code from} to the graph output name {@code to}. */
    private static void nameOutput(OnnxGraph graph, String from, String to) {
        if (from.equals(to)) {
            return;
        }
        // The TF name may already label an inner value (e.g. the NCHW result before its final transpose).
        String displaced = to + "/inner";
        for (OnnxGraph.Node n : graph.nodes()) {
            n.outputs.replaceAll(o -> o.equals(to) ? displaced : o);
        }
        GraphOptimizer.renameReads(graph, to, displaced); // also in a Loop body, which reads the outer scope
        boolean renamed = false;
        for (OnnxGraph.Node n : graph.nodes()) {
            if (n.outputs.contains(from)) {
                n.outputs.replaceAll(o -> o.equals(from) ? to : o);
                renamed = true;
            }
        }
        GraphOptimizer.renameReads(graph, from, to);
        if (!renamed) {
            graph.addNode("Identity", to, List.of(from), List.of(to));
        }
    }
}
