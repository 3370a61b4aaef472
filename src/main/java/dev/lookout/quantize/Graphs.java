package dev.lookout.quantize;

import dev.lookout.quantize.OnnxModelFile.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lookups over a node list: who produces and who consumes each tensor. */
final class Graphs {

    private Graphs() {
    }

    /** Tensor name to the node that produces it. */
    static Map<String, Node> producers(List<Node> nodes) {
        Map<String, Node> producers = new HashMap<>();
        nodes.forEach(n -> n.outputs().forEach(o -> producers.put(o, n)));
        return producers;
    }

    /** Tensor name to the nodes that read it, in graph order (initializers included). */
    static Map<String, List<Node>> consumers(List<Node> nodes) {
        Map<String, List<Node>> consumers = new HashMap<>();
        for (Node n : nodes) {
            n.outputs().forEach(o -> consumers.computeIfAbsent(o, k -> new ArrayList<>()));
            n.inputs().forEach(i -> consumers.computeIfAbsent(i, k -> new ArrayList<>()).add(n));
        }
        return consumers;
    }

    /** The element count of a shape. */
    static long count(long[] dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }
}
