package dev.lookout.quantize;

import dev.lookout.quantize.OnnxModelFile.Initializer;
import dev.lookout.quantize.OnnxModelFile.Node;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites chosen {@code Conv} and {@code Add} nodes of a float model into ONNX's QDQ form, which ONNX Runtime's
 * CPU provider fuses into {@code QLinearConv}, {@code QLinearAdd} and friends: each quantized node reads its
 * activations through {@code QuantizeLinear → DequantizeLinear} (uint8, asymmetric, one scale per tensor), its
 * weights as int8 with one symmetric scale per output channel through {@code DequantizeLinear}, and its bias as
 * int32 at the input's scale times the weight's. A node's output is quantized after the {@code Clip} (ReLU6) that
 * follows it, so the runtime can drop the clip into the quantization.
 *
 * <p>Everything else, and every node not named, stays float. Node order and names are derived from the model's,
 * so the same inputs give the same bytes.
 */
final class QdqRewriter {

    /** Which nodes to quantize, the activation ranges, and whether weights use 7 bits (reduced range). */
    record Plan(Set<String> nodes, Map<String, ActivationRange> ranges, boolean reducedRange) {
    }

    private QdqRewriter() {
    }

    /**
     * The activation tensors a plan over {@code nodes} quantizes (their ranges must be known): the quantized nodes'
     * float inputs and their outputs (after a following ReLU6), in graph order.
     */
    static Set<String> activations(OnnxModelFile model, Set<String> nodes) {
        Map<String, List<Node>> consumers = Graphs.consumers(model.nodes);
        Set<String> tensors = new LinkedHashSet<>();
        for (Node n : model.nodes) {
            if (!nodes.contains(n.name())) {
                continue;
            }
            int activationInputs = n.op().equals("Conv") ? 1 : n.inputs().size();
            for (int i = 0; i < activationInputs; i++) {
                if (!model.initializers.containsKey(n.inputs().get(i))) {
                    tensors.add(n.inputs().get(i));
                }
            }
            tensors.add(outputPoint(n, consumers));
        }
        return tensors;
    }

    /** The tensor a node's output is quantized at: after its ReLU6 when that is its only consumer. */
    private static String outputPoint(Node n, Map<String, List<Node>> consumers) {
        String out = n.outputs().get(0);
        List<Node> readers = consumers.getOrDefault(out, List.of());
        if (readers.size() == 1 && readers.get(0).op().equals("Clip") && readers.get(0).inputs().get(0).equals(out)) {
            return readers.get(0).outputs().get(0);
        }
        return out;
    }

    /** Applies {@code plan} to {@code model} in place. */
    static void rewrite(OnnxModelFile model, Plan plan) {
        for (Node n : model.nodes) {
            if (plan.nodes.contains(n.name()) && !(n.op().equals("Conv") || n.op().equals("Add"))) {
                throw new IllegalArgumentException("only Conv and Add nodes can be quantized, not " + n.op() + " "
                        + n.name());
            }
        }
        Set<String> tensors = activations(model, plan.nodes);
        Set<String> graphOutputs = new LinkedHashSet<>();
        model.outputs.forEach(o -> graphOutputs.add(o.getName()));
        Map<String, Initializer> added = new LinkedHashMap<>();
        for (String t : tensors) {
            ActivationRange r = plan.ranges.get(t);
            if (r == null) {
                throw new IllegalArgumentException("no calibrated range for " + t);
            }
            if (graphOutputs.contains(t)) {
                throw new IllegalArgumentException("a graph output cannot be quantized: " + t);
            }
            put(added, Initializer.of(t + "/scale", OnnxModelFile.FLOAT, new long[0], floats(r.scale())));
            put(added, Initializer.of(t + "/zero_point", OnnxModelFile.UINT8, new long[0],
                    new byte[] {(byte) r.zeroPoint()}));
        }
        List<Node> out = new ArrayList<>();
        for (String t : tensors) {
            if (model.nodes.stream().noneMatch(n -> n.outputs().contains(t))) {
                emitQdq(t, out); // a graph input
            }
        }
        for (Node n : model.nodes) {
            if (plan.nodes.contains(n.name()) && n.op().equals("Conv")) {
                quantizeWeights(model, n, plan, added, out);
            }
            n.inputs().replaceAll(i -> tensors.contains(i) ? i + "/dequantized" : i);
            out.add(n);
            n.outputs().stream().filter(tensors::contains).forEach(t -> emitQdq(t, out));
        }
        model.nodes.clear();
        model.nodes.addAll(out);
        model.initializers.putAll(added);
    }

    private static void emitQdq(String t, List<Node> out) {
        out.add(Node.of("QuantizeLinear", t + "/QuantizeLinear", List.of(t, t + "/scale", t + "/zero_point"),
                List.of(t + "/quantized")));
        out.add(Node.of("DequantizeLinear", t + "/DequantizeLinear",
                List.of(t + "/quantized", t + "/scale", t + "/zero_point"), List.of(t + "/dequantized")));
    }

    /** Replaces a Conv's float weight (and bias) inputs by per-channel int8 (int32) ones behind DequantizeLinear. */
    private static void quantizeWeights(OnnxModelFile model, Node conv, Plan plan, Map<String, Initializer> added,
            List<Node> out) {
        Initializer w = model.initializers.remove(conv.inputs().get(1));
        if (w == null || w.dataType() != OnnxModelFile.FLOAT || w.raw() == null) {
            throw new IllegalArgumentException("Conv " + conv.name() + " has no float weight initializer");
        }
        WeightQuantizer.Quantized q = WeightQuantizer.perChannel(w.dims(), floatsOf(w.raw()), plan.reducedRange);
        String wName = w.name();
        int channels = q.scales().length;
        put(added, Initializer.of(wName + "/quantized", OnnxModelFile.INT8, w.dims(), q.values()));
        put(added, Initializer.of(wName + "/scale", OnnxModelFile.FLOAT, new long[] {channels}, floats(q.scales())));
        put(added, Initializer.of(wName + "/zero_point", OnnxModelFile.INT8, new long[] {channels},
                new byte[channels]));
        out.add(Node.of("DequantizeLinear", wName + "/DequantizeLinear",
                List.of(wName + "/quantized", wName + "/scale", wName + "/zero_point"), List.of(wName + "/dequantized"),
                OnnxModelFile.intAttribute("axis", 0)));
        conv.inputs().set(1, wName + "/dequantized");
        if (conv.inputs().size() < 3) {
            return;
        }
        Initializer b = model.initializers.remove(conv.inputs().get(2));
        if (b == null || b.dataType() != OnnxModelFile.FLOAT || b.raw() == null) {
            throw new IllegalArgumentException("Conv " + conv.name() + " has no float bias initializer");
        }
        float inputScale = plan.ranges.get(conv.inputs().get(0)).scale();
        float[] biasScales = new float[channels];
        for (int c = 0; c < channels; c++) {
            biasScales[c] = inputScale * q.scales()[c];
        }
        String bName = b.name();
        put(added, Initializer.of(bName + "/quantized", OnnxModelFile.INT32, b.dims(),
                WeightQuantizer.bias(floatsOf(b.raw()), biasScales)));
        put(added, Initializer.of(bName + "/scale", OnnxModelFile.FLOAT, new long[] {channels}, floats(biasScales)));
        put(added, Initializer.of(bName + "/zero_point", OnnxModelFile.INT32, new long[] {channels},
                new byte[4 * channels]));
        out.add(Node.of("DequantizeLinear", bName + "/DequantizeLinear",
                List.of(bName + "/quantized", bName + "/scale", bName + "/zero_point"), List.of(bName + "/dequantized"),
                OnnxModelFile.intAttribute("axis", 0)));
        conv.inputs().set(2, bName + "/dequantized");
    }

    private static void put(Map<String, Initializer> added, Initializer i) {
        if (added.put(i.name(), i) != null) {
            throw new IllegalArgumentException("initializer " + i.name() + " would be written twice");
        }
    }

    static float[] floatsOf(byte[] raw) {
        float[] f = new float[raw.length / 4];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
        return f;
    }

    static byte[] floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }
}
