package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.constIn;
import static dev.lookout.convert.ops.OpContext.one;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfDataType;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.Const;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.OnnxGraph.Attribute;
import dev.lookout.onnx.Tensor;
import java.util.ArrayList;
import java.util.List;

/** TF.js's transformation family: Cast, Reshape, Squeeze, ExpandDims, Transpose and the pads. */
final class TransformationOps {

    private TransformationOps() {
    }

    static void register(OpRegistry r) {
        r.add(TransformationOps::cast, "Cast");
        r.add((node, x, cx) -> {
            Emitter out = cx.out();
            String n = node.name();
            Dyn v = out.logical(x.get(0), n);
            if (x.get(1) instanceof Dyn t) {
                return one(runTimeReshape(n, v, t, cx));
            }
            long[] target = constIn(node, x, 1).longs();
            long[] shape = Shapes.resolveReshape(v.shape(), target);
            String o = out.node("Reshape", n, List.of(v.name(), out.vec(target, n + "/shape")));
            return one(new Dyn(o, v.type(), shape, null));
        }, "Reshape");
        r.add(TransformationOps::squeeze, "Squeeze");
        r.add((node, x, cx) -> {
            Dyn v = cx.out().dyn(x.get(0), node.name());
            long dim = constIn(node, x, 1).longs()[0];
            int a = (int) (dim < 0 ? dim + v.rank() + 1 : dim);
            return one(cx.out().unsqueeze(v, a, node.name()));
        }, "ExpandDims");
        r.add(TransformationOps::transpose, "Transpose");
        r.add(TransformationOps::broadcastTo, "BroadcastTo");
        PadOps.register(r);
        SpaceBatchOps.register(r);
    }

    /**
     * Reshape to a target computed at run time (e.g. Keras's {@code [batch, -1]} with the batch from the input's
     * Shape); the dims known now (a packed target's constants) give the static shape, the rest stay unknown.
     */
    private static Dyn runTimeReshape(String n, Dyn v, Dyn target, OpContext cx) throws ConversionException {
        if (target.rank() != 1 || target.shape()[0] < 0) {
            throw new ConversionException("node " + n + " (Reshape) has a target shape of unknown length");
        }
        long[] known = cx.partialShapes().get(target.name());
        long[] shape = new long[(int) target.shape()[0]];
        java.util.Arrays.fill(shape, -1);
        if (known != null) {
            shape = Shapes.resolveReshape(v.shape(), known);
        }
        Dyn wide = cx.out().cast(target, dev.lookout.onnx.DataType.INT64, n + "/shape");
        String o = cx.out().node("Reshape", n, List.of(v.name(), wide.name()));
        return new Dyn(o, v.type(), shape, null);
    }

    /**
     * BroadcastTo as ONNX Expand (NumPy broadcasting both ways, which equals TF's one-way rule on every shape TF
     * accepts); the target shape may be computed at run time.
     */
    private static Value[] broadcastTo(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        Emitter out = cx.out();
        String n = node.name();
        Dyn v = out.logical(x.get(0), n);
        if (x.get(1) instanceof Const) {
            long[] target = constIn(node, x, 1).longs();
            String o = out.node("Expand", n, List.of(v.name(), out.vec(target, n + "/shape")));
            return one(new Dyn(o, v.type(), Shapes.broadcast(v.shape(), target), null));
        }
        long[] targetShape = Shapes.shapeOf(x.get(1));
        if (targetShape.length != 1 || targetShape[0] < 0) {
            throw new ConversionException("node " + n + " (BroadcastTo) needs a shape operand of known length");
        }
        Dyn target = out.cast(out.logical(x.get(1), n), dev.lookout.onnx.DataType.INT64, n + "/shape");
        String o = out.node("Expand", n, List.of(v.name(), target.name()));
        long[] shape = new long[(int) targetShape[0]];
        java.util.Arrays.fill(shape, -1);
        return one(new Dyn(o, v.type(), shape, null));
    }

    private static Value[] cast(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        TfDataType to = node.typeAttr("DstT", TfDataType.FLOAT);
        Dyn v = cx.out().dyn(x.get(0), node.name());
        if (to.onnx() == null) {
            throw new ConversionException("Cast node " + node.name() + " casts to an unsupported type");
        }
        if (to.onnx() == v.type()) {
            return one(v);
        }
        String o = cx.out().node("Cast", node.name(), List.of(v.name()),
                new Attribute("to", (long) to.onnx().onnxCode()));
        return one(new Dyn(o, to.onnx(), v.shape(), v.perm()));
    }

    private static Value[] squeeze(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        Dyn v = cx.out().dyn(x.get(0), node.name());
        long[] dims = node.intListAttr("squeeze_dims", node.intListAttr("axis", new long[0]));
        if (dims.length == 0) {
            List<Long> all = new ArrayList<>();
            for (int i = 0; i < v.rank(); i++) {
                if (v.shape()[i] == 1) {
                    all.add((long) i);
                } else if (v.shape()[i] < 0) {
                    throw new ConversionException("Squeeze node " + node.name() + " without axes needs a known shape");
                }
            }
            dims = all.stream().mapToLong(Long::longValue).toArray();
        }
        for (int i = 0; i < dims.length; i++) {
            dims[i] = dims[i] < 0 ? dims[i] + v.rank() : dims[i];
        }
        return one(cx.out().squeeze(v, dims, node.name()));
    }

    /** A transpose of a run-time value moves no data: only its layout bookkeeping changes. */
    private static Value[] transpose(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        long[] t = constIn(node, x, 1).longs();
        Value v = x.get(0);
        int[] tp = Shapes.toInts(t);
        if (v instanceof Const c) {
            Dyn d = cx.out().dyn(c, node.name());
            String o = cx.out().node("Transpose", node.name(), List.of(d.name()), new Attribute("perm", t));
            return one(new Dyn(o, d.type(), Shapes.permute(d.shape(), tp), null));
        }
        Dyn d = (Dyn) v;
        int[] inv = Shapes.inverse(tp);
        long[] newShape = Shapes.permute(d.shape(), tp);
        int[] p = d.perm() == null ? Shapes.identity(d.rank()) : d.perm();
        // physical[i] = logical[p[i]] = newLogical[inv[p[i]]]
        int[] np = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            np[i] = inv[p[i]];
        }
        return one(new Dyn(d.name(), d.type(), newShape, Shapes.isIdentity(np) ? null : np));
    }
}
