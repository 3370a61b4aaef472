package dev.lookout.quantize;

import dev.lookout.quantize.OnnxModelFile.Initializer;
import dev.lookout.quantize.OnnxModelFile.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves the per-channel constants that TF's arithmetic optimizer added after MobileNetV2's residual sums back into
 * the projection convolutions' biases: {@code (conv(x) + skip) + c} becomes {@code (conv(x) + c) + skip}, the same
 * sum in another order (float rounding aside). Without it each residual ends in an {@code Add} of a constant that
 * ONNX Runtime cannot fuse into integer kernels, leaving a float round trip in every block of the int8 model.
 *
 * <p>Only the exact pattern is rewritten: a bias-less {@code Conv} whose only consumer is an {@code Add} whose
 * only consumer is an {@code Add} with an initializer of {@code C} values (shape {@code [C]} or {@code [1,C,1,1]}).
 */
final class BiasFolding {

    private BiasFolding() {
    }

    /** Rewrites {@code model} in place; returns how many constants were folded. */
    static int fold(OnnxModelFile model) {
        Map<String, List<Node>> consumers = Graphs.consumers(model.nodes);
        Map<String, Node> producers = Graphs.producers(model.nodes);
        Map<Node, Node> replacements = new HashMap<>();
        List<Node> removed = new java.util.ArrayList<>();
        for (Node add : model.nodes) {
            if (!add.op().equals("Add") || add.inputs().size() != 2) {
                continue;
            }
            int constSide = model.initializers.containsKey(add.inputs().get(0)) ? 0
                    : model.initializers.containsKey(add.inputs().get(1)) ? 1 : -1;
            if (constSide < 0) {
                continue;
            }
            Initializer c = model.initializers.get(add.inputs().get(constSide));
            Node sum = producers.get(add.inputs().get(1 - constSide));
            if (sum == null || !sum.op().equals("Add") || consumers.get(sum.outputs().get(0)).size() != 1
                    || c.dataType() != OnnxModelFile.FLOAT || c.raw() == null) {
                continue;
            }
            Node conv = sum.inputs().stream().map(producers::get)
                    .filter(n -> n != null && n.op().equals("Conv") && n.inputs().size() == 2
                            && consumers.get(n.outputs().get(0)).size() == 1)
                    .findFirst().orElse(null);
            if (conv == null) {
                continue;
            }
            long channels = model.initializers.get(conv.inputs().get(1)).dims()[0];
            if (Graphs.count(c.dims()) != channels || consumers.get(c.name()).size() != 1) {
                continue;
            }
            String biasName = conv.name() + "/bias";
            model.initializers.put(biasName, Initializer.of(biasName, OnnxModelFile.FLOAT, new long[] {channels},
                    c.raw()));
            model.initializers.remove(c.name());
            conv.inputs().add(biasName);
            replacements.put(sum, new Node(sum.op(), sum.name(), sum.inputs(), add.outputs(), sum.rest()));
            removed.add(add);
        }
        model.nodes.removeAll(removed);
        model.nodes.replaceAll(n -> replacements.getOrDefault(n, n));
        return removed.size();
    }
}
