package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.one;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.InlineTensor;
import dev.lookout.convert.TfDataType;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.Const;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.OnnxGraph;
import dev.lookout.onnx.OnnxGraph.Attribute;
import dev.lookout.onnx.Tensor;
import java.util.List;

/** TF.js's graph family: constants, inputs, identities and Shape. */
final class GraphOps {

    private GraphOps() {
    }

    static void register(OpRegistry r) {
        r.structural((node, x, cx) -> one(new Const(constant(node, cx))), "Const");
        r.structural((node, x, cx) -> one(placeholder(node, cx)), "Placeholder");
        r.structural(GraphOps::passThrough, "Identity", "StopGradient", "Snapshot");
        r.structural((node, x, cx) -> new Value[0], "NoOp");
        r.add(GraphOps::shape, "Shape");
        r.add(GraphOps::size, "Size");
    }

    /** The node's first input, unchanged. */
    static Value[] passThrough(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        return one(cx.in(node, 0));
    }

    private static Tensor constant(TfNode node, OpContext cx) throws ConversionException {
        Tensor t = cx.model().weights().get(node.name());
        if (t != null) {
            return t;
        }
        Tensor inline = InlineTensor.read(node);
        if (inline != null) {
            return inline;
        }
        throw new ConversionException("constant " + node.name() + " has no value in the weights manifest");
    }

    private static Value placeholder(TfNode node, OpContext cx) throws ConversionException {
        DataType type = node.typeAttr("dtype", TfDataType.FLOAT).onnx();
        if (type == null) {
            throw new ConversionException("input " + node.name() + " has an unsupported dtype");
        }
        long[] dims = InlineTensor.shapeAttr(node);
        if (dims == null) {
            throw new ConversionException("input " + node.name() + " has no shape; the converter needs its rank");
        }
        String[] names = new String[dims.length];
        if (dims.length > 0 && dims[0] < 0 && cx.batchFixed()) {
            dims[0] = 1; // the loops are unrolled once per batch element: one image per call
        }
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                names[i] = i == 0 ? "batch" : dims.length == 4 && i == 1 ? "height"
                        : dims.length == 4 && i == 2 ? "width" : "d" + i;
            }
        }
        cx.graph().addInput(new OnnxGraph.ValueInfo(node.name(), type, dims, names));
        cx.out().reserve(node.name());
        return new Dyn(node.name(), type, dims, null);
    }

    /** Size: the element count as TF.js's int32 scalar (whatever {@code out_type} says, as TF.js does). */
    private static Value[] size(TfNode node, List<Value> x, OpContext cx) {
        long[] shape = Shapes.shapeOf(x.get(0));
        if (Shapes.known(shape)) {
            return one(new Const(Tensor.ofInts(new long[0], (int) Tensor.count(shape))));
        }
        Emitter out = cx.out();
        String n = node.name();
        String s = out.node("Shape", n + "/Shape", List.of(out.dyn(x.get(0), n).name()));
        String count = out.node("ReduceProd", n + "/count", List.of(s), new Attribute("keepdims", 0L));
        return one(out.cast(new Dyn(count, DataType.INT64, new long[0], null), DataType.INT32, n));
    }

    /** The shape as a constant when every dim is known, else a run-time Shape whose known dims are remembered. */
    private static Value[] shape(TfNode node, List<Value> x, OpContext cx) {
        Value v = x.get(0);
        long[] shape = Shapes.shapeOf(v);
        DataType type = node.typeAttr("out_type", TfDataType.INT32).onnx();
        if (Shapes.known(shape)) {
            return one(new Const(type == DataType.INT64 ? Tensor.ofLongs(new long[] {shape.length}, shape)
                    : Tensor.ofInts(new long[] {shape.length}, Shapes.toInts(shape))));
        }
        Emitter out = cx.out();
        Dyn l = out.logical(v, node.name());
        String s = out.node("Shape", node.name() + "/Shape", List.of(l.name()));
        if (type != DataType.INT64) {
            s = out.node("Cast", node.name(), List.of(s), new Attribute("to", (long) type.onnxCode()));
        }
        cx.partialShapes().put(s, shape);
        return one(new Dyn(s, type, new long[] {shape.length}, null));
    }
}
