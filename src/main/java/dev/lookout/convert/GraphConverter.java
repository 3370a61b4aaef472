package dev.lookout.convert;

import dev.lookout.convert.ops.Emitter;
import dev.lookout.convert.ops.OpContext;
import dev.lookout.convert.ops.OpHandler;
import dev.lookout.convert.ops.OpRegistry;
import dev.lookout.convert.ops.Shapes;
import dev.lookout.convert.ops.Value;
import dev.lookout.convert.ops.Value.Const;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.OnnxGraph;
import dev.lookout.onnx.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates a TF.js graph into an ONNX graph, op by op from the outputs back, through the handlers of
 * {@link OpRegistry}.
 *
 * <p>Three ideas keep the result fast and exact:
 * <ul>
 *   <li>Constant folding: an op whose inputs are all known is evaluated now (by ONNX Runtime, on the op's own ONNX
 *       translation), so shape arithmetic and the anchor decoding become initializers.</li>
 *   <li>Lazy layouts: a value may be stored transposed ({@link Dyn#perm}); convolutions keep their activations in
 *       NCHW and only ops that care about the axis order see a transpose, so none sits between layers.</li>
 *   <li>{@code map_fn} over a batch of one: in a graph with TF1 TensorArrays (Coco-SSD's {@code map_fn}) the input's
 *       batch is fixed at 1, so the loop is unrolled once (see {@code ControlFlowOps}); other graphs keep their
 *       inputs' unknown dims, and a loop over them becomes an ONNX Loop ({@code WhileLoopOps}).</li>
 * </ul>
 */
final class GraphConverter implements OpContext {

    /** The handlers every conversion uses. */
    static final OpRegistry OPS = OpRegistry.standard();

    private final TfjsModel model;
    private final OnnxGraph graph;
    private final ConstantFolder folder;
    private final Map<String, Value[]> converted = new HashMap<>();
    private final Map<String, long[]> partialShapes = new HashMap<>();
    private final boolean batchFixed;
    /** For a loop body: the context outside it, and the nodes converted anew inside it; else null. */
    private final GraphConverter parent;
    private final Set<String> members;
    private final Map<String, Value> loopExits;
    private Emitter out;

    GraphConverter(TfjsModel model, OnnxGraph graph, ConstantFolder folder) {
        this.model = model;
        this.batchFixed = model.nodes().stream().anyMatch(n -> n.op().equals("TensorArrayV3"));
        this.graph = graph;
        this.folder = folder;
        this.out = new Emitter(graph);
        this.parent = null;
        this.members = null;
        this.loopExits = new HashMap<>();
    }

    private GraphConverter(GraphConverter parent, Emitter into, Map<String, Value[]> bound, Set<String> members) {
        this.model = parent.model;
        this.batchFixed = parent.batchFixed;
        this.graph = parent.graph;
        this.folder = parent.folder;
        this.out = into;
        this.parent = parent;
        this.members = members;
        this.loopExits = parent.loopExits;
        this.partialShapes.putAll(parent.partialShapes);
        this.converted.putAll(bound);
    }

    @Override
    public OpContext frame(Emitter into, Map<String, Value[]> bound, Set<String> frameMembers) {
        return new GraphConverter(this, into, bound, frameMembers);
    }

    @Override
    public Map<String, Value> loopExits() {
        return loopExits;
    }

    @Override
    public Emitter out() {
        return out;
    }

    @Override
    public OnnxGraph graph() {
        return graph;
    }

    @Override
    public TfjsModel model() {
        return model;
    }

    @Override
    public boolean batchFixed() {
        return batchFixed;
    }

    @Override
    public Map<String, long[]> partialShapes() {
        return partialShapes;
    }

    @Override
    public Value value(String ref) throws ConversionException {
        String name = ref;
        int index = 0;
        int colon = ref.lastIndexOf(':');
        if (colon > 0 && ref.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            name = ref.substring(0, colon);
            index = Integer.parseInt(ref.substring(colon + 1));
        }
        Value[] outputs = convert(name);
        if (index >= outputs.length || outputs[index] == null) {
            throw new ConversionException("node " + name + " has no output " + index);
        }
        return outputs[index];
    }

    @Override
    public void convertNode(String name) throws ConversionException {
        convert(name);
    }

    /** A value stored in TF's own layout, transposing if needed. */
    Dyn logical(Dyn v) {
        return out.toLogical(v);
    }

    private Value[] convert(String name) throws ConversionException {
        Value[] done = converted.get(name);
        if (done != null) {
            return done;
        }
        if (parent != null && !members.contains(name)) {
            return parent.convert(name);
        }
        TfNode node = model.node(name);
        if (node == null) {
            throw new ConversionException("the graph refers to a node '" + name + "' that it does not define");
        }
        OpHandler handler = OPS.handler(node.op());
        if (handler == null) {
            throw new ConversionException("unsupported op " + node.op() + " (node " + name + ")");
        }
        Value[] result;
        try {
            result = translateOrFold(node, handler);
        } catch (ConversionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConversionException("cannot convert node " + node.name() + " (" + node.op() + "): "
                    + e.getMessage(), e);
        }
        converted.put(name, result);
        return result;
    }

    private Value[] translateOrFold(TfNode node, OpHandler handler) throws ConversionException {
        if (!OPS.foldable(node.op())) {
            return handler.convert(node, null, this);
        }
        List<Value> inputs = new ArrayList<>();
        boolean allConst = true;
        for (String in : node.inputs()) {
            Value v = value(in);
            inputs.add(v);
            allConst &= v instanceof Const;
        }
        return allConst ? fold(node, handler, inputs) : handler.convert(node, inputs, this);
    }

    /** Evaluates an op with constant inputs now, through its own ONNX translation run by ONNX Runtime. */
    private Value[] fold(TfNode node, OpHandler handler, List<Value> inputs) throws ConversionException {
        Emitter saved = out;
        OnnxGraph scratch = new OnnxGraph("fold");
        out = new Emitter(scratch);
        try {
            Value[] results = handler.convert(node, inputs, this);
            Value[] folded = new Value[results.length];
            List<String> names = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < results.length; i++) {
                if (results[i] instanceof Dyn d) {
                    if (d.shape() != null && Shapes.known(d.shape())) {
                        // a constant the file declares only through its inputs (Fill's dims): checked before
                        // ONNX Runtime is asked to compute it
                        DeclaredShape.bytes(d.shape(), d.type().size(), "node " + node.name() + " (" + node.op()
                                + ")");
                    }
                    Dyn logical = out.toLogical(d);
                    names.add(logical.name());
                    positions.add(i);
                    scratch.addOutput(new OnnxGraph.ValueInfo(logical.name(), logical.type(), null, null));
                } else {
                    folded[i] = results[i];
                }
            }
            if (!names.isEmpty()) {
                List<Tensor> values = folder.evaluate(scratch, names);
                for (int i = 0; i < names.size(); i++) {
                    folded[positions.get(i)] = new Const(values.get(i));
                }
            }
            return folded;
        } finally {
            out = saved;
        }
    }
}
