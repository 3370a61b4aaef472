package dev.lookout.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX graph under construction: nodes in topological order, initializers, inputs and outputs. The order of
 * everything is the order of the calls, so a deterministic converter writes byte-identical files.
 */
public final class OnnxGraph {

    /** A graph input or output: name, element type and dimensions ({@code -1} with a symbolic name, or a size). */
    public record ValueInfo(String name, DataType type, long[] dims, String[] dimNames) {
    }

    /** One attribute of a node; {@code value} is a Long, Float, String, long[], float[], Tensor or OnnxGraph. */
    public record Attribute(String name, Object value) {
    }

    /** One ONNX node. The lists are mutable so that optimisation passes can rewire the graph. */
    public static final class Node {
        /** The operator, e.g. {@code Conv}. */
        public final String opType;
        /** A unique node name. */
        public final String name;
        /** Input value names ({@code ""} for an omitted optional input). */
        public final List<String> inputs;
        /** Output value names. */
        public final List<String> outputs;
        /** Attributes in writing order. */
        public final List<Attribute> attributes;

        Node(String opType, String name, List<String> inputs, List<String> outputs, List<Attribute> attributes) {
            this.opType = opType;
            this.name = name;
            this.inputs = new ArrayList<>(inputs);
            this.outputs = new ArrayList<>(outputs);
            this.attributes = new ArrayList<>(attributes);
        }

        /** The attribute's value, or null. */
        public Object attribute(String attributeName) {
            for (Attribute a : attributes) {
                if (a.name().equals(attributeName)) {
                    return a.value();
                }
            }
            return null;
        }

        /** Replaces or adds an attribute. */
        public void setAttribute(String attributeName, Object value) {
            attributes.removeIf(a -> a.name().equals(attributeName));
            attributes.add(new Attribute(attributeName, value));
        }
    }

    private final String name;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Tensor> initializers = new LinkedHashMap<>();
    private final List<ValueInfo> inputs = new ArrayList<>();
    private final List<ValueInfo> outputs = new ArrayList<>();

    /** An empty graph called {@code name}. */
    public OnnxGraph(String name) {
        this.name = name;
    }

    /** The graph's name. */
    public String name() {
        return name;
    }

    /** Appends a node and returns it. */
    public Node addNode(String opType, String nodeName, List<String> nodeInputs, List<String> nodeOutputs,
            Attribute... attributes) {
        Node node = new Node(opType, nodeName, nodeInputs, nodeOutputs, List.of(attributes));
        nodes.add(node);
        return node;
    }

    /** Adds (or replaces) an initializer. */
    public void addInitializer(String valueName, Tensor value) {
        initializers.put(valueName, value);
    }

    /** Declares a graph input. */
    public void addInput(ValueInfo input) {
        inputs.add(input);
    }

    /** Declares a graph output. */
    public void addOutput(ValueInfo output) {
        outputs.add(output);
    }

    /** The nodes, mutable for optimisation passes. */
    public List<Node> nodes() {
        return nodes;
    }

    /** The initializers by name, mutable for optimisation passes. */
    public Map<String, Tensor> initializers() {
        return initializers;
    }

    /** The inputs. */
    public List<ValueInfo> inputs() {
        return inputs;
    }

    /** The outputs. */
    public List<ValueInfo> outputs() {
        return outputs;
    }
}
