package dev.lookout.convert;

import dev.lookout.onnx.DataType;
import dev.lookout.onnx.OnnxGraph;
import dev.lookout.onnx.OnnxGraph.Node;
import dev.lookout.onnx.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Simplifies a converted graph without changing what it computes: folds per-channel scales and offsets into the
 * preceding convolution, cancels Squeeze/Unsqueeze and Transpose pairs, and drops what nothing uses.
 */
final class GraphOptimizer {

    private final OnnxGraph graph;

    GraphOptimizer(OnnxGraph graph) {
        this.graph = graph;
    }

    /** Runs every pass until none changes the graph. */
    void run() {
        boolean changed = true;
        while (changed) {
            changed = false;
            changed |= foldIntoConv();
            changed |= cancelSqueezeUnsqueeze();
            changed |= mergeTransposes();
            changed |= stackInsteadOfTranspose();
            changed |= transposeBeforeCast();
            changed |= removeDeadNodes();
        }
        removeUnusedInitializers();
    }

    private Map<String, List<Node>> consumers() {
        Map<String, List<Node>> map = new HashMap<>();
        for (Node n : graph.nodes()) {
            for (String in : n.inputs) {
                map.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
            }
            for (String in : subgraphReads(n)) {
                map.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
            }
        }
        return map;
    }

    private Set<String> outputNames() {
        Set<String> names = new HashSet<>();
        graph.outputs().forEach(o -> names.add(o.name()));
        return names;
    }

    /** Conv → Mul/Add by a per-channel constant becomes one Conv with scaled weights and a bias. */
    private boolean foldIntoConv() {
        Map<String, List<Node>> consumers = consumers();
        Set<String> outputs = outputNames();
        for (Node conv : graph.nodes()) {
            if (!conv.opType.equals("Conv")) {
                continue;
            }
            String o = conv.outputs.get(0);
            List<Node> users = consumers.getOrDefault(o, List.of());
            if (users.size() != 1 || outputs.contains(o)) {
                continue;
            }
            Node next = users.get(0);
            if (!(next.opType.equals("Add") || next.opType.equals("Mul") || next.opType.equals("Sub"))
                    || next.inputs.size() != 2 || !next.inputs.get(0).equals(o)) {
                continue;
            }
            Tensor weights = graph.initializers().get(conv.inputs.get(1));
            Tensor operand = graph.initializers().get(next.inputs.get(1));
            if (weights == null || operand == null || operand.type() != DataType.FLOAT) {
                continue;
            }
            int channels = (int) weights.shape()[0];
            float[] perChannel = perChannel(operand, channels);
            if (perChannel == null) {
                continue;
            }
            if (consumers.getOrDefault(conv.inputs.get(1), List.of()).size() > 1) {
                continue; // shared weights: leave them alone (never the case in converted models)
            }
            float[] bias = conv.inputs.size() > 2 ? graph.initializers().get(conv.inputs.get(2)).floats()
                    : new float[channels];
            float[] w = weights.floats();
            int perOut = w.length / channels;
            switch (next.opType) {
                case "Mul" -> {
                    for (int c = 0; c < channels; c++) {
                        for (int i = 0; i < perOut; i++) {
                            w[c * perOut + i] *= perChannel[c];
                        }
                        bias[c] *= perChannel[c];
                    }
                }
                case "Add" -> {
                    for (int c = 0; c < channels; c++) {
                        bias[c] += perChannel[c];
                    }
                }
                default -> {
                    for (int c = 0; c < channels; c++) {
                        bias[c] -= perChannel[c];
                    }
                }
            }
            String wName = conv.inputs.get(1);
            String bName = conv.inputs.size() > 2 ? conv.inputs.get(2) : conv.name + "/bias";
            graph.initializers().put(wName, Tensor.ofFloats(weights.shape(), w));
            graph.initializers().put(bName, Tensor.ofFloats(new long[] {channels}, bias));
            if (conv.inputs.size() < 3) {
                conv.inputs.add(bName);
            }
            conv.outputs.set(0, next.outputs.get(0));
            graph.nodes().remove(next);
            return true;
        }
        return false;
    }

    /** The values of a constant that broadcasts per channel over NCHW ({@code []}, {@code [C,1,1]}, ...). */
    private static float[] perChannel(Tensor t, int channels) {
        long[] s = t.shape();
        float[] v = t.floats();
        if (v.length == 1) {
            float[] out = new float[channels];
            Arrays.fill(out, v[0]);
            return out;
        }
        if (v.length != channels) {
            return null;
        }
        // [C,1,1] or [1,C,1,1]: the channel axis is the third from the end.
        if (s.length >= 3 && s[s.length - 3] == channels && s[s.length - 1] == 1 && s[s.length - 2] == 1) {
            return v;
        }
        return null;
    }

    /** Squeeze(axes) followed only by Unsqueeze(same axes), or the reverse, is a no-op. */
    private boolean cancelSqueezeUnsqueeze() {
        Map<String, List<Node>> consumers = consumers();
        Set<String> outputs = outputNames();
        for (Node first : graph.nodes()) {
            boolean sq = first.opType.equals("Squeeze");
            if (!sq && !first.opType.equals("Unsqueeze")) {
                continue;
            }
            String o = first.outputs.get(0);
            List<Node> users = consumers.getOrDefault(o, List.of());
            if (users.size() != 1 || outputs.contains(o)) {
                continue;
            }
            Node second = users.get(0);
            if (outputs.contains(second.outputs.get(0))) {
                continue;
            }
            if (!second.opType.equals(sq ? "Unsqueeze" : "Squeeze") || first.inputs.size() < 2
                    || second.inputs.size() < 2) {
                continue;
            }
            Tensor a = graph.initializers().get(first.inputs.get(1));
            Tensor b = graph.initializers().get(second.inputs.get(1));
            if (a == null || b == null || !Arrays.equals(a.longs(), b.longs())) {
                continue;
            }
            rename(second.outputs.get(0), first.inputs.get(0));
            graph.nodes().remove(first);
            graph.nodes().remove(second);
            return true;
        }
        return false;
    }

    /** Transpose followed only by Transpose becomes one Transpose, or nothing when they cancel. */
    private boolean mergeTransposes() {
        Map<String, List<Node>> consumers = consumers();
        Set<String> outputs = outputNames();
        for (Node first : graph.nodes()) {
            if (!first.opType.equals("Transpose")) {
                continue;
            }
            String o = first.outputs.get(0);
            List<Node> users = consumers.getOrDefault(o, List.of());
            if (users.size() != 1 || outputs.contains(o) || !users.get(0).opType.equals("Transpose")) {
                continue;
            }
            Node second = users.get(0);
            if (outputs.contains(second.outputs.get(0))) {
                continue;
            }
            long[] p1 = (long[]) first.attribute("perm");
            long[] p2 = (long[]) second.attribute("perm");
            long[] composed = new long[p2.length];
            boolean identity = true;
            for (int i = 0; i < p2.length; i++) {
                composed[i] = p1[(int) p2[i]];
                identity &= composed[i] == i;
            }
            graph.nodes().remove(first);
            if (identity) {
                rename(second.outputs.get(0), first.inputs.get(0));
                graph.nodes().remove(second);
            } else {
                second.inputs.set(0, first.inputs.get(0));
                second.setAttribute("perm", composed);
            }
            return true;
        }
        return false;
    }

    /**
     * Transpose(Concat(Unsqueeze(x_i, k), axis k)) is a stack along another axis: stack there directly. This is
     * how TF's box decoder packs its four coordinates, and it spares a run-time transpose.
     */
    private boolean stackInsteadOfTranspose() {
        Map<String, Node> producers = new HashMap<>();
        for (Node n : graph.nodes()) {
            n.outputs.forEach(o -> producers.put(o, n));
        }
        Map<String, List<Node>> consumers = consumers();
        Set<String> outputs = outputNames();
        for (Node t : graph.nodes()) {
            if (!t.opType.equals("Transpose")) {
                continue;
            }
            Node concat = producers.get(t.inputs.get(0));
            if (concat == null || !concat.opType.equals("Concat") || outputs.contains(concat.outputs.get(0))
                    || consumers.getOrDefault(concat.outputs.get(0), List.of()).size() != 1) {
                continue;
            }
            long k = (Long) concat.attribute("axis");
            long[] perm = (long[]) t.attribute("perm");
            int j = -1;
            List<Long> rest = new ArrayList<>();
            for (int i = 0; i < perm.length; i++) {
                if (perm[i] == k) {
                    j = i;
                } else {
                    rest.add(perm[i]);
                }
            }
            boolean ordered = j >= 0 && k >= 0;
            for (int i = 1; i < rest.size(); i++) {
                ordered &= rest.get(i) > rest.get(i - 1);
            }
            List<Node> unsqueezes = new ArrayList<>();
            for (String in : concat.inputs) {
                Node u = producers.get(in);
                Tensor axes = u == null || u.inputs.size() < 2 ? null : graph.initializers().get(u.inputs.get(1));
                if (u == null || !u.opType.equals("Unsqueeze") || axes == null || axes.size() != 1
                        || axes.longs()[0] != k || consumers.getOrDefault(in, List.of()).size() != 1) {
                    ordered = false;
                    break;
                }
                unsqueezes.add(u);
            }
            if (!ordered) {
                continue;
            }
            String axesName = concat.name + "/stack_axes";
            graph.initializers().put(axesName, Tensor.vector(j));
            for (Node u : unsqueezes) {
                u.inputs.set(1, axesName);
            }
            concat.setAttribute("axis", (long) j);
            concat.outputs.set(0, t.outputs.get(0));
            graph.nodes().remove(t);
            return true;
        }
        return false;
    }

    /**
     * Cast followed only by Transpose: transpose first, so the rearranged data are the narrow input type (the
     * camera image as bytes rather than floats: a quarter of the memory traffic).
     */
    private boolean transposeBeforeCast() {
        Map<String, List<Node>> consumers = consumers();
        Set<String> outputs = outputNames();
        for (int i = 0; i < graph.nodes().size(); i++) {
            Node cast = graph.nodes().get(i);
            if (!cast.opType.equals("Cast")) {
                continue;
            }
            String o = cast.outputs.get(0);
            List<Node> users = consumers.getOrDefault(o, List.of());
            if (users.size() != 1 || outputs.contains(o) || !users.get(0).opType.equals("Transpose")) {
                continue;
            }
            Node transpose = users.get(0);
            String castInput = cast.inputs.get(0);
            String transposed = transpose.outputs.get(0);
            // x → Transpose → (o) → Cast → transposed: same names downstream, nodes in order.
            transpose.inputs.set(0, castInput);
            transpose.outputs.set(0, o);
            cast.inputs.set(0, o);
            cast.outputs.set(0, transposed);
            graph.nodes().remove(transpose);
            graph.nodes().add(graph.nodes().indexOf(cast), transpose);
            return true;
        }
        return false;
    }

    private boolean removeDeadNodes() {
        Set<String> used = new HashSet<>(outputNames());
        for (Node n : graph.nodes()) {
            used.addAll(n.inputs);
            used.addAll(subgraphReads(n));
        }
        return graph.nodes().removeIf(n -> n.outputs.stream().noneMatch(used::contains));
    }

    private void removeUnusedInitializers() {
        Set<String> used = new HashSet<>();
        for (Node n : graph.nodes()) {
            used.addAll(n.inputs);
            used.addAll(subgraphReads(n));
        }
        graph.initializers().keySet().removeIf(k -> !used.contains(k));
    }

    /** Every value the subgraphs of {@code n} (a Loop's body) read, also from this graph's scope. */
    private static Set<String> subgraphReads(Node n) {
        Set<String> reads = new HashSet<>();
        for (OnnxGraph.Attribute a : n.attributes) {
            if (a.value() instanceof OnnxGraph g) {
                for (Node inner : g.nodes()) {
                    reads.addAll(inner.inputs);
                    reads.addAll(subgraphReads(inner));
                }
            }
        }
        return reads;
    }

    /** Makes every consumer of {@code from} read {@code to} instead, also inside subgraphs. */
    private void rename(String from, String to) {
        renameReads(graph, from, to);
        if (outputNames().contains(from)) {
            throw new IllegalStateException("cannot rename graph output " + from);
        }
    }

    /** Makes every node of {@code g} and of its subgraphs read {@code to} where it read {@code from}. */
    static void renameReads(OnnxGraph g, String from, String to) {
        for (Node n : g.nodes()) {
            n.inputs.replaceAll(in -> in.equals(from) ? to : in);
            for (OnnxGraph.Attribute a : n.attributes) {
                if (a.value() instanceof OnnxGraph inner) {
                    renameReads(inner, from, to);
                }
            }
        }
    }
}
