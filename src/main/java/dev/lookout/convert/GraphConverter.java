package dev.lookout.convert;

import dev.lookout.onnx.DataType;
import dev.lookout.onnx.OnnxGraph;
import dev.lookout.onnx.OnnxGraph.Attribute;
import dev.lookout.onnx.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Translates a TF.js graph into an ONNX graph, op by op, from the outputs back.
 *
 * <p>Three ideas keep the result fast and exact:
 * <ul>
 *   <li>Constant folding: an op whose inputs are all known is evaluated now (by ONNX Runtime, on the op's own ONNX
 *       translation), so shape arithmetic and the anchor decoding become initializers.</li>
 *   <li>Lazy layouts: a value may be stored transposed ({@link Dyn#perm}); convolutions keep their activations in
 *       NCHW and only ops that care about the axis order see a transpose, so none sits between layers.</li>
 *   <li>{@code map_fn} over a batch of one: the input's batch is fixed at 1, so TF's while-loop is unrolled once:
 *       TensorArrays become conversion-time lists and the loop body is applied to element 0.</li>
 * </ul>
 */
final class GraphConverter {

    /** What a TF tensor is during conversion. */
    sealed interface Value permits Const, Dyn, ArrayRef, Flow {
    }

    /** A tensor known at conversion time. */
    record Const(Tensor tensor) implements Value {
    }

    /**
     * A tensor computed at run time: the ONNX value {@code name}, its TF (logical) shape with {@code -1} for unknown
     * dims, and {@code perm}: null when stored as TF lays it out, else stored transposed so that
     * {@code physical[i] = logical[perm[i]]}.
     */
    record Dyn(String name, DataType type, long[] shape, int[] perm) implements Value {
        int rank() {
            return shape.length;
        }
    }

    /** A TensorArray of the unrolled {@code map_fn}: its elements by index. */
    static final class ArrayRef implements Value {
        final String node;
        final int size;
        final Map<Integer, Value> elements = new TreeMap<>();

        ArrayRef(String node, int size) {
            this.node = node;
            this.size = size;
        }
    }

    /** A TensorArray flow or other ordering token: no data. */
    enum Flow implements Value {
        TOKEN
    }

    static final int[] NHWC_TO_NCHW = {0, 3, 1, 2};

    /** TF ops the converter translates, plus the control-flow ops of an unrolled {@code map_fn}. */
    static final Set<String> SUPPORTED = Set.of(
            "Const", "Placeholder", "Identity", "StopGradient", "Snapshot", "NoOp",
            "Enter", "Exit", "Merge", "Switch", "LoopCond", "NextIteration",
            "TensorArrayV3", "TensorArrayScatterV3", "TensorArrayReadV3", "TensorArrayWriteV3",
            "TensorArraySizeV3", "TensorArrayGatherV3",
            "Cast", "Shape", "StridedSlice", "Slice", "Pack", "Unpack", "Transpose", "Reshape", "Squeeze",
            "ExpandDims", "ConcatV2", "Tile", "Range", "Fill",
            "Add", "AddV2", "AddN", "Sub", "Mul", "RealDiv", "Div", "Maximum", "Minimum", "Less", "Greater",
            "Relu", "Relu6", "Sigmoid", "Exp", "Neg", "Sqrt", "Rsqrt", "Square", "Tanh", "Log",
            "Conv2D", "DepthwiseConv2dNative", "DepthwiseConv2d", "BiasAdd", "FusedBatchNorm", "FusedBatchNormV3",
            "ResizeBilinear", "ResizeNearestNeighbor", "MaxPool", "AvgPool", "Softmax");

    private static final Set<String> NOT_FOLDABLE = Set.of("Placeholder", "Const", "Enter", "Exit", "Merge",
            "Switch", "LoopCond", "NextIteration", "TensorArrayV3", "TensorArrayScatterV3", "TensorArrayReadV3",
            "TensorArrayWriteV3", "TensorArraySizeV3", "TensorArrayGatherV3", "Identity", "StopGradient",
            "Snapshot", "NoOp");

    private final TfjsModel model;
    private final OnnxGraph graph;
    private final ConstantFolder folder;
    private final Map<String, Value[]> converted = new HashMap<>();
    /** For run-time Shape results: the dims known now ({@code -1} where unknown), by ONNX value name. */
    private final Map<String, long[]> partialShapes = new HashMap<>();
    private Emitter out;

    GraphConverter(TfjsModel model, OnnxGraph graph, ConstantFolder folder) {
        this.model = model;
        this.graph = graph;
        this.folder = folder;
        this.out = new Emitter(graph);
    }

    /** Where nodes and initializers go: the model's graph, or a scratch graph while folding one op. */
    static final class Emitter {
        final OnnxGraph graph;
        private final Map<String, Integer> counters = new HashMap<>();
        private final Map<Tensor, String> constNames = new IdentityHashMap<>();
        /** Values already transposed back to TF's layout in this graph, by stored name and layout. */
        final Map<String, Dyn> logical = new HashMap<>();

        Emitter(OnnxGraph graph) {
            this.graph = graph;
        }

        String unique(String base) {
            int n = counters.merge(base, 1, Integer::sum);
            return n == 1 ? base : base + "_" + n;
        }

        String constant(Tensor t, String hint) {
            return constNames.computeIfAbsent(t, k -> {
                String name = unique(hint);
                graph.addInitializer(name, k);
                return name;
            });
        }

        /** Adds a node with one output named after {@code base} and returns that output's name. */
        String node(String op, String base, List<String> inputs, Attribute... attributes) {
            String name = unique(base);
            graph.addNode(op, name, inputs, List.of(name), attributes);
            return name;
        }
    }

    // ---------------------------------------------------------------------------------------------- entry points

    /** Converts the TF output {@code ref} ({@code node} or {@code node:k}) and returns its value. */
    Value convertOutput(String ref) throws ConversionException {
        return value(ref);
    }

    /** A value stored in TF's own layout, transposing if needed. */
    Dyn logical(Dyn v) {
        return toLogical(v);
    }

    // ---------------------------------------------------------------------------------------------- resolution

    private Value value(String ref) throws ConversionException {
        String name = ref;
        int index = 0;
        int colon = ref.lastIndexOf(':');
        if (colon > 0 && ref.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            name = ref.substring(0, colon);
            index = Integer.parseInt(ref.substring(colon + 1));
        }
        Value[] outputs = convertNode(name);
        if (index >= outputs.length || outputs[index] == null) {
            throw new ConversionException("node " + name + " has no output " + index);
        }
        return outputs[index];
    }

    private Value[] convertNode(String name) throws ConversionException {
        Value[] done = converted.get(name);
        if (done != null) {
            return done;
        }
        TfNode node = model.node(name);
        if (node == null) {
            throw new ConversionException("the graph refers to a node '" + name + "' that it does not define");
        }
        Value[] result;
        try {
            result = translateOrFold(node);
        } catch (ConversionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConversionException("cannot convert node " + node.name() + " (" + node.op() + "): "
                    + e.getMessage(), e);
        }
        converted.put(name, result);
        return result;
    }

    private Value[] translateOrFold(TfNode node) throws ConversionException {
        if (!NOT_FOLDABLE.contains(node.op())) {
            List<Value> inputs = new ArrayList<>();
            boolean allConst = true;
            for (String in : node.inputs()) {
                Value v = value(in);
                inputs.add(v);
                allConst &= v instanceof Const;
            }
            if (allConst) {
                return fold(node, inputs);
            }
            return translate(node, inputs);
        }
        return translate(node, null);
    }

    /** Evaluates an op with constant inputs now, through its own ONNX translation run by ONNX Runtime. */
    private Value[] fold(TfNode node, List<Value> inputs) throws ConversionException {
        Emitter saved = out;
        OnnxGraph scratch = new OnnxGraph("fold");
        out = new Emitter(scratch);
        try {
            Value[] results = translate(node, inputs);
            Value[] folded = new Value[results.length];
            List<String> names = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < results.length; i++) {
                if (results[i] instanceof Dyn d) {
                    Dyn logical = toLogical(d);
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

    private Value in(TfNode node, int i) throws ConversionException {
        if (i >= node.inputs().size()) {
            throw new ConversionException("node " + node.name() + " (" + node.op() + ") needs input " + i);
        }
        return value(node.inputs().get(i));
    }

    private Tensor constIn(TfNode node, List<Value> inputs, int i) throws ConversionException {
        Value v = inputs.get(i);
        if (v instanceof Const c) {
            return c.tensor();
        }
        throw new ConversionException("node " + node.name() + " (" + node.op() + "): input " + i
                + " must be a constant for the converter (it is computed at run time)");
    }

    // ---------------------------------------------------------------------------------------------- translation

    private Value[] translate(TfNode node, List<Value> ins) throws ConversionException {
        String n = node.name();
        switch (node.op()) {
            case "Const":
                return one(new Const(constant(node)));
            case "Placeholder":
                return one(placeholder(node));
            case "Identity", "StopGradient", "Snapshot", "Enter", "Exit", "LoopCond":
                return one(in(node, 0));
            case "Switch": {
                Value v = in(node, 0); // the predicate is not evaluated: the loop runs exactly once
                return new Value[] {v, v};
            }
            case "Merge": {
                for (String ref : node.inputs()) {
                    String src = ref.contains(":") ? ref.substring(0, ref.lastIndexOf(':')) : ref;
                    TfNode producer = model.node(src);
                    if (producer != null && !producer.op().equals("NextIteration")) {
                        return new Value[] {value(ref), new Const(Tensor.ofInts(new long[0], 0))};
                    }
                }
                throw new ConversionException("Merge node " + n + " has no loop-entry input");
            }
            case "TensorArrayV3": {
                Tensor size = constOf(node, in(node, 0));
                return new Value[] {new ArrayRef(n, (int) size.longs()[0]), Flow.TOKEN};
            }
            case "TensorArrayScatterV3": {
                ArrayRef array = arrayIn(node, 0);
                long[] indices = constOf(node, in(node, 1)).longs();
                Value source = in(node, 2);
                for (int j = 0; j < indices.length; j++) {
                    array.elements.put((int) indices[j], element(source, j, n));
                }
                return one(Flow.TOKEN);
            }
            case "TensorArrayWriteV3": {
                ArrayRef array = arrayIn(node, 0);
                int index = (int) constOf(node, in(node, 1)).longs()[0];
                array.elements.put(index, in(node, 2));
                return one(Flow.TOKEN);
            }
            case "TensorArrayReadV3": {
                ArrayRef array = arrayIn(node, 0);
                runWriters(array);
                int index = (int) constOf(node, in(node, 1)).longs()[0];
                Value v = array.elements.get(index);
                if (v == null) {
                    throw new ConversionException("TensorArray " + array.node + " has no element " + index
                            + " when " + n + " reads it");
                }
                return one(v);
            }
            case "TensorArraySizeV3": {
                ArrayRef array = arrayIn(node, 0);
                return one(new Const(Tensor.ofInts(new long[0], array.size)));
            }
            case "TensorArrayGatherV3": {
                ArrayRef array = arrayIn(node, 0);
                runWriters(array);
                long[] indices = constOf(node, in(node, 1)).longs();
                List<Value> parts = new ArrayList<>();
                for (long index : indices) {
                    Value v = array.elements.get((int) index);
                    if (v == null) {
                        throw new ConversionException("TensorArray " + array.node + " has no element " + index);
                    }
                    parts.add(unsqueezeLeading(v, n));
                }
                return one(parts.size() == 1 ? parts.get(0) : concat(parts, 0, n));
            }
            default:
                break;
        }
        List<Value> x = ins;
        switch (node.op()) {
            case "Cast": {
                TfDataType to = node.typeAttr("DstT", TfDataType.FLOAT);
                Dyn v = dyn(x.get(0), n);
                if (to.onnx() == null) {
                    throw new ConversionException("Cast node " + n + " casts to an unsupported type");
                }
                if (to.onnx() == v.type()) {
                    return one(v);
                }
                String o = out.node("Cast", n, List.of(v.name()), new Attribute("to", (long) to.onnx().onnxCode()));
                return one(new Dyn(o, to.onnx(), v.shape(), v.perm()));
            }
            case "Shape": {
                Value v = x.get(0);
                long[] shape = shapeOf(v);
                DataType type = node.typeAttr("out_type", TfDataType.INT32).onnx();
                if (Arrays.stream(shape).allMatch(d -> d >= 0)) {
                    return one(new Const(type == DataType.INT64 ? Tensor.ofLongs(new long[] {shape.length}, shape)
                            : Tensor.ofInts(new long[] {shape.length}, Arrays.stream(shape).mapToInt(d -> (int) d)
                            .toArray())));
                }
                Dyn l = toLogical(dyn(v, n));
                String s = out.node("Shape", n + "/Shape", List.of(l.name()));
                if (type != DataType.INT64) {
                    s = out.node("Cast", n, List.of(s), new Attribute("to", (long) type.onnxCode()));
                }
                partialShapes.put(s, shape);
                return one(new Dyn(s, type, new long[] {shape.length}, null));
            }
            case "StridedSlice":
                return one(stridedSlice(node, x));
            case "Slice": {
                Dyn v = toLogical(dyn(x.get(0), n));
                long[] begin = constIn(node, x, 1).longs();
                long[] size = constIn(node, x, 2).longs();
                long[] ends = new long[begin.length];
                long[] axes = new long[begin.length];
                long[] steps = new long[begin.length];
                long[] shape = v.shape().clone();
                for (int i = 0; i < begin.length; i++) {
                    axes[i] = i;
                    steps[i] = 1;
                    ends[i] = size[i] < 0 ? Long.MAX_VALUE : begin[i] + size[i];
                    shape[i] = size[i] >= 0 ? size[i] : (shape[i] < 0 ? -1 : shape[i] - begin[i]);
                }
                String o = out.node("Slice", n, List.of(v.name(), vec(begin, n + "/starts"), vec(ends, n + "/ends"),
                        vec(axes, n + "/axes"), vec(steps, n + "/steps")));
                return one(new Dyn(o, v.type(), shape, null));
            }
            case "Pack": {
                int axis = (int) node.intAttr("axis", 0);
                int rank = shapeOf(x.get(0)).length + 1;
                int a = axis < 0 ? axis + rank : axis;
                List<Value> parts = new ArrayList<>();
                for (Value v : x) {
                    parts.add(unsqueeze(toLogical(dyn(v, n)), a, n));
                }
                return one(parts.size() == 1 ? parts.get(0) : concat(parts, a, n));
            }
            case "Unpack": {
                Dyn v = toLogical(dyn(x.get(0), n));
                int axis = (int) node.intAttr("axis", 0);
                int a = axis < 0 ? axis + v.rank() : axis;
                int num = (int) node.intAttr("num", v.shape()[a]);
                List<String> outs = new ArrayList<>();
                for (int i = 0; i < num; i++) {
                    outs.add(out.unique(n + "/split" + i));
                }
                out.graph.addNode("Split", out.unique(n + "/Split"), List.of(v.name()), outs,
                        new Attribute("axis", (long) a));
                long[] partShape = v.shape().clone();
                partShape[a] = 1;
                Value[] results = new Value[num];
                for (int i = 0; i < num; i++) {
                    Dyn part = new Dyn(outs.get(i), v.type(), partShape, null);
                    results[i] = squeeze(part, new long[] {a}, i == 0 ? n : n + ":" + i);
                }
                return results;
            }
            case "Transpose": {
                long[] t = constIn(node, x, 1).longs();
                Value v = x.get(0);
                if (v instanceof Const c) {
                    Dyn d = dyn(c, n);
                    String o = out.node("Transpose", n, List.of(d.name()), new Attribute("perm", t));
                    return one(new Dyn(o, d.type(), permute(d.shape(), toInts(t)), null));
                }
                Dyn d = (Dyn) v;
                int[] tp = toInts(t);
                int[] inv = inverse(tp);
                long[] newShape = permute(d.shape(), tp);
                int[] p = d.perm() == null ? identity(d.rank()) : d.perm();
                // physical[i] = logical[p[i]] = newLogical[inv[p[i]]]: no data moves, only the bookkeeping.
                int[] np = new int[p.length];
                for (int i = 0; i < p.length; i++) {
                    np[i] = inv[p[i]];
                }
                return one(new Dyn(d.name(), d.type(), newShape, isIdentity(np) ? null : np));
            }
            case "Reshape": {
                Dyn v = toLogical(dyn(x.get(0), n));
                long[] target = constIn(node, x, 1).longs();
                long[] shape = resolveReshape(v.shape(), target);
                String o = out.node("Reshape", n, List.of(v.name(), vec(target, n + "/shape")));
                return one(new Dyn(o, v.type(), shape, null));
            }
            case "Squeeze": {
                Dyn v = dyn(x.get(0), n);
                long[] dims = node.intListAttr("squeeze_dims", node.intListAttr("axis", new long[0]));
                if (dims.length == 0) {
                    List<Long> all = new ArrayList<>();
                    for (int i = 0; i < v.rank(); i++) {
                        if (v.shape()[i] == 1) {
                            all.add((long) i);
                        } else if (v.shape()[i] < 0) {
                            throw new ConversionException("Squeeze node " + n + " without axes needs a known shape");
                        }
                    }
                    dims = all.stream().mapToLong(Long::longValue).toArray();
                }
                for (int i = 0; i < dims.length; i++) {
                    dims[i] = dims[i] < 0 ? dims[i] + v.rank() : dims[i];
                }
                return one(squeeze(v, dims, n));
            }
            case "ExpandDims": {
                Dyn v = dyn(x.get(0), n);
                long dim = constIn(node, x, 1).longs()[0];
                int a = (int) (dim < 0 ? dim + v.rank() + 1 : dim);
                return one(unsqueeze(v, a, n));
            }
            case "ConcatV2": {
                long axis = constIn(node, x, x.size() - 1).longs()[0];
                int rank = shapeOf(x.get(0)).length;
                return one(concat(x.subList(0, x.size() - 1), (int) (axis < 0 ? axis + rank : axis), n));
            }
            case "Tile": {
                Dyn v = toLogical(dyn(x.get(0), n));
                long[] reps = constIn(node, x, 1).longs();
                long[] shape = v.shape().clone();
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = shape[i] < 0 ? -1 : shape[i] * reps[i];
                }
                String o = out.node("Tile", n, List.of(v.name(), vec(reps, n + "/repeats")));
                return one(new Dyn(o, v.type(), shape, null));
            }
            case "Range": {
                Dyn start = dyn(x.get(0), n);
                String o = out.node("Range", n, List.of(start.name(), dyn(x.get(1), n).name(), dyn(x.get(2), n).name()));
                return one(new Dyn(o, start.type(), new long[] {-1}, null));
            }
            case "Fill": {
                long[] dims = constIn(node, x, 0).longs();
                Dyn v = dyn(x.get(1), n);
                String o = out.node("Expand", n, List.of(v.name(), vec(dims, n + "/shape")));
                return one(new Dyn(o, v.type(), dims, null));
            }
            case "Add", "AddV2", "BiasAdd":
                return one(binary("Add", node, x.get(0), biasAligned(node, x.get(1), shapeOf(x.get(0)).length), n));
            case "Sub":
                return one(binary("Sub", node, x.get(0), x.get(1), n));
            case "Mul":
                return one(binary("Mul", node, x.get(0), x.get(1), n));
            case "RealDiv", "Div":
                return one(binary("Div", node, x.get(0), x.get(1), n));
            case "Maximum":
                return one(binary("Max", node, x.get(0), x.get(1), n));
            case "Minimum":
                return one(binary("Min", node, x.get(0), x.get(1), n));
            case "Less":
                return one(compare("Less", x.get(0), x.get(1), n));
            case "Greater":
                return one(compare("Greater", x.get(0), x.get(1), n));
            case "AddN": {
                Value acc = x.get(0);
                for (int i = 1; i < x.size(); i++) {
                    acc = binary("Add", node, acc, x.get(i), i == x.size() - 1 ? n : n + "/add" + i);
                }
                return one(acc);
            }
            case "Relu":
                return one(unary("Relu", x.get(0), n));
            case "Relu6": {
                Dyn v = dyn(x.get(0), n);
                String lo = out.constant(Tensor.ofFloats(new long[0], 0f), "const/zero");
                String hi = out.constant(Tensor.ofFloats(new long[0], 6f), "const/six");
                String o = out.node("Clip", n, List.of(v.name(), lo, hi));
                return one(new Dyn(o, v.type(), v.shape(), v.perm()));
            }
            case "Sigmoid":
                return one(unary("Sigmoid", x.get(0), n));
            case "Exp":
                return one(unary("Exp", x.get(0), n));
            case "Neg":
                return one(unary("Neg", x.get(0), n));
            case "Sqrt":
                return one(unary("Sqrt", x.get(0), n));
            case "Tanh":
                return one(unary("Tanh", x.get(0), n));
            case "Log":
                return one(unary("Log", x.get(0), n));
            case "Rsqrt": {
                Dyn s = unary("Sqrt", x.get(0), n + "/sqrt");
                return one(unary("Reciprocal", s, n));
            }
            case "Square":
                return one(binary("Mul", node, x.get(0), x.get(0), n));
            case "Softmax": {
                Dyn v = toLogical(dyn(x.get(0), n));
                String o = out.node("Softmax", n, List.of(v.name()), new Attribute("axis", -1L));
                return one(new Dyn(o, v.type(), v.shape(), null));
            }
            case "Conv2D":
                return one(convolution(node, x, false));
            case "DepthwiseConv2dNative", "DepthwiseConv2d":
                return one(convolution(node, x, true));
            case "FusedBatchNorm", "FusedBatchNormV3":
                return batchNorm(node, x);
            case "ResizeBilinear", "ResizeNearestNeighbor":
                return one(resize(node, x));
            case "MaxPool", "AvgPool":
                return one(pool(node, x));
            default:
                throw new ConversionException("unsupported op " + node.op() + " (node " + n + ")");
        }
    }

    private static Value[] one(Value v) {
        return new Value[] {v};
    }

    // ---------------------------------------------------------------------------------------------- op helpers

    private Tensor constant(TfNode node) throws ConversionException {
        Tensor t = model.weights().get(node.name());
        if (t != null) {
            return t;
        }
        Tensor inline = InlineTensor.read(node);
        if (inline != null) {
            return inline;
        }
        throw new ConversionException("constant " + node.name() + " has no value in the weights manifest");
    }

    private Value placeholder(TfNode node) throws ConversionException {
        DataType type = node.typeAttr("dtype", TfDataType.FLOAT).onnx();
        if (type == null) {
            throw new ConversionException("input " + node.name() + " has an unsupported dtype");
        }
        long[] dims = InlineTensor.shapeAttr(node);
        if (dims == null) {
            throw new ConversionException("input " + node.name() + " has no shape; the converter needs its rank");
        }
        String[] names = new String[dims.length];
        if (dims.length > 0 && dims[0] < 0) {
            dims[0] = 1; // one image per call: this fixes every shape after the resize
        }
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                names[i] = dims.length == 4 && i == 1 ? "height" : dims.length == 4 && i == 2 ? "width" : "d" + i;
            }
        }
        graph.addInput(new OnnxGraph.ValueInfo(node.name(), type, dims, names));
        return new Dyn(node.name(), type, dims, null);
    }

    private ArrayRef arrayIn(TfNode node, int i) throws ConversionException {
        Value v = in(node, i);
        if (v instanceof ArrayRef a) {
            return a;
        }
        throw new ConversionException("node " + node.name() + " expects a TensorArray handle");
    }

    private Tensor constOf(TfNode node, Value v) throws ConversionException {
        if (v instanceof Const c) {
            return c.tensor();
        }
        throw new ConversionException("node " + node.name() + " (" + node.op() + ") needs a constant index or size;"
                + " only map_fn loops over a known batch can be converted");
    }

    /** Converts every node that writes into {@code array}, so that reads see its elements. */
    private void runWriters(ArrayRef array) throws ConversionException {
        for (TfNode writer : model.nodes()) {
            if ((writer.op().equals("TensorArrayWriteV3") || writer.op().equals("TensorArrayScatterV3"))
                    && !writer.inputs().isEmpty() && sourceOf(writer.inputs().get(0)).equals(array.node)) {
                convertNode(writer.name());
            }
        }
    }

    /** Follows Enter/Identity nodes back to the node that produced a handle. */
    private String sourceOf(String ref) {
        String name = ref.contains(":") ? ref.substring(0, ref.lastIndexOf(':')) : ref;
        TfNode n = model.node(name);
        while (n != null && (n.op().equals("Enter") || n.op().equals("Identity")) && !n.inputs().isEmpty()) {
            String in = n.inputs().get(0);
            name = in.contains(":") ? in.substring(0, in.lastIndexOf(':')) : in;
            n = model.node(name);
        }
        return name;
    }

    private Value element(Value source, int j, String base) throws ConversionException {
        if (source instanceof Dyn d && d.rank() > 0 && d.shape()[0] == 1 && j == 0) {
            return squeeze(d, new long[] {0}, base + "/element");
        }
        Dyn d = toLogical(dyn(source, base));
        String idx = out.constant(Tensor.ofLongs(new long[0], j), base + "/index");
        String o = out.node("Gather", base + "/element", List.of(d.name(), idx), new Attribute("axis", 0L));
        return new Dyn(o, d.type(), Arrays.copyOfRange(d.shape(), 1, d.rank()), null);
    }

    private Value unsqueezeLeading(Value v, String base) throws ConversionException {
        return unsqueeze(dyn(v, base), 0, base);
    }

    private Dyn squeeze(Dyn v, long[] axes, String base) {
        long[] sorted = axes.clone();
        Arrays.sort(sorted);
        if (v.perm() != null && sorted.length == 1 && sorted[0] == 0 && v.perm()[0] == 0) {
            // Dropping a leading axis that is leading in storage too keeps the stored order.
            String o = out.node("Squeeze", base, List.of(v.name(), vec(new long[] {0}, base + "/axes")));
            int[] np = new int[v.perm().length - 1];
            for (int i = 1; i < v.perm().length; i++) {
                np[i - 1] = v.perm()[i] - 1;
            }
            return new Dyn(o, v.type(), Arrays.copyOfRange(v.shape(), 1, v.rank()), isIdentity(np) ? null : np);
        }
        Dyn l = toLogical(v);
        String o = out.node("Squeeze", base, List.of(l.name(), vec(sorted, base + "/axes")));
        List<Long> shape = new ArrayList<>();
        for (int i = 0; i < l.rank(); i++) {
            if (Arrays.binarySearch(sorted, i) < 0) {
                shape.add(l.shape()[i]);
            }
        }
        return new Dyn(o, l.type(), shape.stream().mapToLong(Long::longValue).toArray(), null);
    }

    private Dyn unsqueeze(Dyn v, int axis, String base) {
        if (v.perm() != null && axis == 0) {
            String o = out.node("Unsqueeze", base, List.of(v.name(), vec(new long[] {0}, base + "/axes")));
            int[] np = new int[v.perm().length + 1];
            for (int i = 0; i < v.perm().length; i++) {
                np[i + 1] = v.perm()[i] + 1;
            }
            long[] shape = new long[v.rank() + 1];
            shape[0] = 1;
            System.arraycopy(v.shape(), 0, shape, 1, v.rank());
            return new Dyn(o, v.type(), shape, np);
        }
        Dyn l = toLogical(v);
        String o = out.node("Unsqueeze", base, List.of(l.name(), vec(new long[] {axis}, base + "/axes")));
        long[] shape = new long[l.rank() + 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            shape[i] = i == axis ? 1 : l.shape()[j++];
        }
        return new Dyn(o, l.type(), shape, null);
    }

    private Value concat(List<Value> parts, int axis, String base) {
        List<Dyn> ds = new ArrayList<>();
        for (Value p : parts) {
            ds.add(dyn(p, base));
        }
        int[] perm = ds.get(0).perm();
        boolean samePerm = perm != null;
        for (Dyn d : ds) {
            samePerm &= d.perm() != null && Arrays.equals(d.perm(), perm);
        }
        List<String> names = new ArrayList<>();
        long[] shape = null;
        long total = 0;
        for (Dyn d : ds) {
            Dyn use = samePerm ? d : toLogical(d);
            names.add(use.name());
            shape = d.shape().clone();
            total = total < 0 || d.shape()[axis] < 0 ? -1 : total + d.shape()[axis];
        }
        shape[axis] = total;
        int physicalAxis = axis;
        if (samePerm) {
            for (int i = 0; i < perm.length; i++) {
                if (perm[i] == axis) {
                    physicalAxis = i;
                }
            }
        }
        String o = out.node("Concat", base, names, new Attribute("axis", (long) physicalAxis));
        return new Dyn(o, ds.get(0).type(), shape, samePerm ? perm : null);
    }

    private Dyn unary(String op, Value v, String base) {
        Dyn d = dyn(v, base);
        String o = out.node(op, base, List.of(d.name()));
        return new Dyn(o, d.type(), d.shape(), d.perm());
    }

    /** A TF {@code BiasAdd} in NCHW format adds along axis 1: give its bias the shape that broadcasts so. */
    private Value biasAligned(TfNode node, Value bias, int dataRank) {
        if (node.op().equals("BiasAdd") && "NCHW".equals(node.stringAttr("data_format", "NHWC"))
                && bias instanceof Const c && c.tensor().rank() == 1) {
            long[] shape = new long[dataRank - 1];
            Arrays.fill(shape, 1);
            shape[0] = c.tensor().shape()[0];
            return new Const(c.tensor().reshape(shape));
        }
        return bias;
    }

    /** An element-wise op with NumPy broadcasting, kept in the stored layout of its run-time operand. */
    private Value binary(String op, TfNode node, Value a, Value b, String base) {
        long[] shape = broadcast(shapeOf(a), shapeOf(b));
        int[] perm = null;
        for (Value v : List.of(a, b)) {
            if (v instanceof Dyn d && d.perm() != null && d.rank() == shape.length) {
                perm = d.perm();
                break;
            }
        }
        List<String> names = new ArrayList<>();
        for (Value v : List.of(a, b)) {
            names.add(operand(v, perm, shape.length, base));
        }
        if (names.contains(null)) {
            perm = null;
            names.clear();
            for (Value v : List.of(a, b)) {
                names.add(operand(v, null, shape.length, base));
            }
        }
        DataType type = v0type(a, b);
        String o = out.node(op, base, names);
        return new Dyn(o, type, shape, perm);
    }

    private Dyn compare(String op, Value a, Value b, String base) {
        long[] shape = broadcast(shapeOf(a), shapeOf(b));
        String o = out.node(op, base, List.of(operand(a, null, shape.length, base), operand(b, null, shape.length,
                base)));
        return new Dyn(o, DataType.BOOL, shape, null);
    }

    private static DataType v0type(Value a, Value b) {
        if (a instanceof Dyn d) {
            return d.type();
        }
        if (a instanceof Const c) {
            return c.tensor().type();
        }
        return b instanceof Dyn d ? d.type() : ((Const) b).tensor().type();
    }

    /**
     * The ONNX name of {@code v} stored with {@code perm} (for a result of rank {@code rank}); null when a lower
     * rank run-time operand cannot follow a permuted layout.
     */
    private String operand(Value v, int[] perm, int rank, String base) {
        if (v instanceof Const c) {
            Tensor t = c.tensor();
            if (perm != null) {
                t = Tensors.permute(Tensors.padRank(t, rank), perm);
            }
            return out.constant(t, base + "/const");
        }
        Dyn d = (Dyn) v;
        if (perm == null) {
            return toLogical(d).name();
        }
        if (d.rank() != rank) {
            return null;
        }
        return toPerm(d, perm).name();
    }

    private Value stridedSlice(TfNode node, List<Value> x) throws ConversionException {
        Dyn v = toLogical(dyn(x.get(0), node.name()));
        StridedSliceSpec spec = StridedSliceSpec.resolve(v.rank(), constIn(node, x, 1).longs(),
                constIn(node, x, 2).longs(), constIn(node, x, 3).longs(), node.intAttr("begin_mask", 0),
                node.intAttr("end_mask", 0), node.intAttr("ellipsis_mask", 0), node.intAttr("new_axis_mask", 0),
                node.intAttr("shrink_axis_mask", 0));
        String n = node.name();
        long[] known = partialShapes.get(v.name());
        if (known != null) {
            // Slicing the dims of a partly known shape (e.g. the batch of a [1, H, W, 3] image) can be exact now.
            long[] picked = spec.select(known);
            if (picked != null && Arrays.stream(picked).allMatch(d -> d >= 0)) {
                long[] outShape = spec.outputShape(v.shape());
                return new Const(v.type() == DataType.INT64 ? Tensor.ofLongs(outShape, picked)
                        : Tensor.ofInts(outShape, Arrays.stream(picked).mapToInt(d -> (int) d).toArray()));
            }
        }
        String cur = v.name();
        if (spec.axes().length > 0) {
            cur = out.node("Slice", n + "/Slice", List.of(cur, vec(spec.starts(), n + "/starts"),
                    vec(spec.ends(), n + "/ends"), vec(spec.axes(), n + "/axes"), vec(spec.steps(), n + "/steps")));
        }
        if (spec.shrinkAxes().length > 0) {
            cur = out.node("Squeeze", n + "/Squeeze", List.of(cur, vec(spec.shrinkAxes(), n + "/shrink")));
        }
        if (spec.newAxes().length > 0) {
            cur = out.node("Unsqueeze", n + "/Unsqueeze", List.of(cur, vec(spec.newAxes(), n + "/new_axes")));
        }
        if (cur.equals(v.name())) {
            cur = out.node("Identity", n, List.of(cur));
        }
        return new Dyn(cur, v.type(), spec.outputShape(v.shape()), null);
    }

    private Value convolution(TfNode node, List<Value> x, boolean depthwise) throws ConversionException {
        String n = node.name();
        if (!"NHWC".equals(node.stringAttr("data_format", "NHWC"))) {
            throw new ConversionException("node " + n + " uses data_format NCHW, which the converter does not support");
        }
        Dyn input = toPerm(dyn(x.get(0), n), NHWC_TO_NCHW);
        Tensor w = constIn(node, x, 1); // [kh, kw, in, out] or [kh, kw, in, multiplier]
        long[] ws = w.shape();
        long kh = ws[0];
        long kw = ws[1];
        long[] strides = node.intListAttr("strides", new long[] {1, 1, 1, 1});
        long[] dil = node.intListAttr("dilations", new long[] {1, 1, 1, 1});
        Tensor weights;
        long outChannels;
        long group;
        if (depthwise) {
            outChannels = ws[2] * ws[3];
            group = ws[2];
            weights = Tensors.permute(w, new int[] {2, 3, 0, 1}).reshape(outChannels, 1, kh, kw);
        } else {
            outChannels = ws[3];
            group = 1;
            weights = Tensors.permute(w, new int[] {3, 2, 0, 1});
        }
        long[] pads = new long[4];
        long[] shape = input.shape();
        long outH = -1;
        long outW = -1;
        String padding = node.stringAttr("padding", "VALID");
        List<Attribute> attrs = new ArrayList<>();
        long[] spatial = {shape[1], shape[2]};
        long[] k = {kh, kw};
        long[] s = {strides[1], strides[2]};
        long[] d = {dil[1], dil[2]};
        long[] outSize = new long[2];
        boolean known = spatial[0] >= 0 && spatial[1] >= 0;
        for (int i = 0; i < 2; i++) {
            long effective = (k[i] - 1) * d[i] + 1;
            if (padding.equals("SAME")) {
                outSize[i] = spatial[i] < 0 ? -1 : (spatial[i] + s[i] - 1) / s[i];
                if (known) {
                    long total = Math.max((outSize[i] - 1) * s[i] + effective - spatial[i], 0);
                    pads[i] = total / 2; // TF puts the odd pixel at the end
                    pads[i + 2] = total - total / 2;
                }
            } else if (padding.equals("EXPLICIT")) {
                long[] ep = node.intListAttr("explicit_paddings", new long[8]);
                pads[i] = ep[2 + 2 * i];
                pads[i + 2] = ep[3 + 2 * i];
                outSize[i] = spatial[i] < 0 ? -1 : (spatial[i] + pads[i] + pads[i + 2] - effective) / s[i] + 1;
            } else {
                outSize[i] = spatial[i] < 0 ? -1 : (spatial[i] - effective) / s[i] + 1;
            }
        }
        outH = outSize[0];
        outW = outSize[1];
        attrs.add(new Attribute("dilations", new long[] {d[0], d[1]}));
        attrs.add(new Attribute("group", group));
        attrs.add(new Attribute("kernel_shape", new long[] {kh, kw}));
        if (padding.equals("SAME") && !known) {
            attrs.add(new Attribute("auto_pad", "SAME_UPPER"));
        } else {
            attrs.add(new Attribute("pads", pads));
        }
        attrs.add(new Attribute("strides", new long[] {s[0], s[1]}));
        String wName = out.constant(weights, n + "/weights");
        String o = out.node("Conv", n, List.of(input.name(), wName), attrs.toArray(new Attribute[0]));
        return new Dyn(o, DataType.FLOAT, new long[] {shape[0], outH, outW, outChannels}, NHWC_TO_NCHW);
    }

    private Value[] batchNorm(TfNode node, List<Value> x) throws ConversionException {
        if (node.boolAttr("is_training", false)) {
            throw new ConversionException("FusedBatchNorm " + node.name() + " is in training mode");
        }
        float[] scale = constIn(node, x, 1).floats();
        float[] offset = constIn(node, x, 2).floats();
        float[] mean = constIn(node, x, 3).floats();
        float[] variance = constIn(node, x, 4).floats();
        double eps = node.floatAttr("epsilon", 1e-3);
        float[] mul = new float[scale.length];
        float[] add = new float[scale.length];
        for (int c = 0; c < scale.length; c++) {
            double sc = scale[c] / Math.sqrt(variance[c] + eps);
            mul[c] = (float) sc;
            add[c] = (float) (offset[c] - mean[c] * sc);
        }
        long[] cs = {scale.length};
        Value scaled = binary("Mul", node, x.get(0), new Const(Tensor.ofFloats(cs, mul)), node.name() + "/scale");
        Value result = binary("Add", node, scaled, new Const(Tensor.ofFloats(cs, add)), node.name());
        return new Value[] {result, null, null, null, null, null};
    }

    private Value resize(TfNode node, List<Value> x) throws ConversionException {
        String n = node.name();
        Dyn input = dyn(x.get(0), n);
        long[] size = constIn(node, x, 1).longs();
        long batch = input.shape()[0];
        long channels = input.shape()[3];
        if (batch < 0 || channels < 0) {
            throw new ConversionException("resize " + n + " needs a known batch and channel count");
        }
        Dyn nchw = toPerm(input, NHWC_TO_NCHW);
        boolean bilinear = node.op().equals("ResizeBilinear");
        String transform = node.boolAttr("align_corners", false) ? "align_corners"
                : node.boolAttr("half_pixel_centers", false) ? (bilinear ? "half_pixel" : "tf_half_pixel_for_nn")
                : "asymmetric";
        List<Attribute> attrs = new ArrayList<>();
        attrs.add(new Attribute("coordinate_transformation_mode", transform));
        attrs.add(new Attribute("mode", bilinear ? "linear" : "nearest"));
        if (!bilinear) {
            attrs.add(new Attribute("nearest_mode", node.boolAttr("align_corners", false) ? "round_prefer_ceil"
                    : "floor"));
        }
        String o = out.node("Resize", n, List.of(nchw.name(), "", "",
                vec(new long[] {batch, channels, size[0], size[1]}, n + "/sizes")), attrs.toArray(new Attribute[0]));
        return new Dyn(o, DataType.FLOAT, new long[] {batch, size[0], size[1], channels}, NHWC_TO_NCHW);
    }

    private Value pool(TfNode node, List<Value> x) throws ConversionException {
        String n = node.name();
        Dyn input = toPerm(dyn(x.get(0), n), NHWC_TO_NCHW);
        long[] ksize = node.intListAttr("ksize", new long[] {1, 1, 1, 1});
        long[] strides = node.intListAttr("strides", new long[] {1, 1, 1, 1});
        String padding = node.stringAttr("padding", "VALID");
        long[] shape = input.shape();
        long[] pads = new long[4];
        long[] outSize = new long[2];
        for (int i = 0; i < 2; i++) {
            long in = shape[1 + i];
            long k = ksize[1 + i];
            long s = strides[1 + i];
            if (padding.equals("SAME")) {
                outSize[i] = in < 0 ? -1 : (in + s - 1) / s;
                if (in < 0) {
                    throw new ConversionException("pool " + n + " with SAME padding needs a known input size");
                }
                long total = Math.max((outSize[i] - 1) * s + k - in, 0);
                pads[i] = total / 2;
                pads[i + 2] = total - total / 2;
            } else {
                outSize[i] = in < 0 ? -1 : (in - k) / s + 1;
            }
        }
        List<Attribute> attrs = new ArrayList<>();
        if (node.op().equals("AvgPool")) {
            attrs.add(new Attribute("count_include_pad", 0L));
        }
        attrs.add(new Attribute("kernel_shape", new long[] {ksize[1], ksize[2]}));
        attrs.add(new Attribute("pads", pads));
        attrs.add(new Attribute("strides", new long[] {strides[1], strides[2]}));
        String o = out.node(node.op().equals("MaxPool") ? "MaxPool" : "AveragePool", n, List.of(input.name()),
                attrs.toArray(new Attribute[0]));
        return new Dyn(o, DataType.FLOAT, new long[] {shape[0], outSize[0], outSize[1], shape[3]}, NHWC_TO_NCHW);
    }

    // ---------------------------------------------------------------------------------------------- layouts

    private Dyn toLogical(Dyn v) {
        if (v.perm() == null) {
            return v;
        }
        return out.logical.computeIfAbsent(v.name() + "|" + Arrays.toString(v.perm()), k -> {
            long[] perm = Arrays.stream(inverse(v.perm())).mapToLong(i -> i).toArray();
            String o = out.node("Transpose", v.name() + "/to_tf_layout", List.of(v.name()),
                    new Attribute("perm", perm));
            return new Dyn(o, v.type(), v.shape(), null);
        });
    }

    private Dyn toPerm(Dyn v, int[] perm) {
        if (Arrays.equals(v.perm(), perm)) {
            return v;
        }
        Dyn l = toLogical(v);
        long[] p = Arrays.stream(perm).mapToLong(i -> i).toArray();
        String o = out.node("Transpose", l.name() + "/to_nchw", List.of(l.name()), new Attribute("perm", p));
        return new Dyn(o, l.type(), l.shape(), perm);
    }

    /** A run-time view of any value: constants become initializers of the current graph. */
    private Dyn dyn(Value v, String base) {
        if (v instanceof Dyn d) {
            return d;
        }
        if (v instanceof Const c) {
            return new Dyn(out.constant(c.tensor(), base + "/const"), c.tensor().type(), c.tensor().shape(), null);
        }
        throw new IllegalArgumentException("a TensorArray handle or flow is used as data");
    }

    private String vec(long[] values, String hint) {
        return out.constant(Tensor.vector(values), hint);
    }

    private static long[] shapeOf(Value v) {
        if (v instanceof Dyn d) {
            return d.shape();
        }
        if (v instanceof Const c) {
            return c.tensor().shape();
        }
        throw new IllegalArgumentException("a TensorArray handle or flow has no shape");
    }

    static long[] broadcast(long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i - (rank - a.length) >= 0 ? a[i - (rank - a.length)] : 1;
            long db = i - (rank - b.length) >= 0 ? b[i - (rank - b.length)] : 1;
            out[i] = da == 1 ? db : db == 1 ? da : (da < 0 || db < 0 ? Math.max(da, db) : da);
        }
        return out;
    }

    static long[] resolveReshape(long[] input, long[] target) {
        long[] shape = target.clone();
        long known = 1;
        int unknownAt = -1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == 0 && i < input.length) {
                shape[i] = input[i];
            }
            if (shape[i] == -1) {
                unknownAt = i;
            } else {
                known *= shape[i];
            }
        }
        long count = 1;
        for (long d : input) {
            count = d < 0 || count < 0 ? -1 : count * d;
        }
        if (unknownAt >= 0 && count >= 0 && known > 0) {
            shape[unknownAt] = count / known;
        }
        return shape;
    }

    static long[] permute(long[] shape, int[] perm) {
        long[] out = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = shape[perm[i]];
        }
        return out;
    }

    static int[] inverse(int[] perm) {
        int[] inv = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            inv[perm[i]] = i;
        }
        return inv;
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    private static boolean isIdentity(int[] p) {
        for (int i = 0; i < p.length; i++) {
            if (p[i] != i) {
                return false;
            }
        }
        return true;
    }

    private static int[] toInts(long[] v) {
        return Arrays.stream(v).mapToInt(l -> (int) l).toArray();
    }
}
