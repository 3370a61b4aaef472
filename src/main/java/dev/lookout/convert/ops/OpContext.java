package dev.lookout.convert.ops;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.TfjsModel;
import dev.lookout.convert.ops.Value.Const;
import dev.lookout.onnx.OnnxGraph;
import dev.lookout.onnx.Tensor;
import java.util.List;
import java.util.Map;

/** What an op handler sees of the conversion: the model, value resolution, and where to emit. */
public interface OpContext {

    /** Where nodes go now: the model's graph, or a scratch graph while the op is folded. */
    Emitter out();

    /** The model's own graph (for its inputs). */
    OnnxGraph graph();

    /** The model being converted. */
    TfjsModel model();

    /** Converts the TF output {@code ref} ({@code node} or {@code node:k}) and returns its value. */
    Value value(String ref) throws ConversionException;

    /** Converts the node called {@code name} (for its effects, e.g. writes into a TensorArray). */
    void convertNode(String name) throws ConversionException;

    /**
     * True when an input's unknown batch is fixed at 1 because the graph has TF1 TensorArrays, whose loop (a
     * {@code map_fn} over the batch) the converter can only unroll; otherwise inputs keep their unknown dims.
     */
    boolean batchFixed();

    /** For run-time Shape results: the dims known now ({@code -1} where unknown), by ONNX value name. */
    Map<String, long[]> partialShapes();

    /**
     * A context for one loop body: the nodes in {@code members} are converted anew into {@code into}, the nodes in
     * {@code bound} have the given outputs, and every other node is this context's value (computed outside).
     */
    OpContext frame(Emitter into, Map<String, Value[]> bound, java.util.Set<String> members);

    /** The outputs of the ONNX Loops built so far, by the TF Exit node they stand for (shared by every frame). */
    Map<String, Value> loopExits();

    /** Input {@code i} of a structural op (one that resolves its own inputs). */
    default Value in(TfNode node, int i) throws ConversionException {
        if (i >= node.inputs().size()) {
            throw new ConversionException("node " + node.name() + " (" + node.op() + ") needs input " + i);
        }
        return value(node.inputs().get(i));
    }

    /** Input {@code i} as a tensor known now; the message says which input of which node is not. */
    static Tensor constIn(TfNode node, List<Value> inputs, int i) throws ConversionException {
        if (i >= inputs.size()) {
            throw new ConversionException("node " + node.name() + " (" + node.op() + ") needs input " + i);
        }
        if (inputs.get(i) instanceof Const c) {
            return c.tensor();
        }
        throw new ConversionException("node " + node.name() + " (" + node.op() + "): input " + i
                + " must be a constant for the converter (it is computed at run time)");
    }

    /** One result. */
    static Value[] one(Value v) {
        return new Value[] {v};
    }
}
