package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.one;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.Tensors;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.Const;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.OnnxGraph.Attribute;
import java.util.List;

/** TF.js's matrices family: MatMul with its transpose flags, BatchMatMul with adjoints, and _FusedMatMul. */
final class MatricesOps {

    private MatricesOps() {
    }

    static void register(OpRegistry r) {
        r.add((node, x, cx) -> one(matMul(node, x, "transpose_a", "transpose_b", cx.out())), "MatMul");
        r.add((node, x, cx) -> one(matMul(node, x, "adj_x", "adj_y", cx.out())), "BatchMatMul", "BatchMatMulV2");
        r.add((node, x, cx) -> one(Activations.applyFused(node, x, 2,
                matMul(node, x, "transpose_a", "transpose_b", cx.out()), false, cx.out())), "_FusedMatMul");
    }

    private static Dyn matMul(TfNode node, List<Value> x, String flagA, String flagB, Emitter out)
            throws ConversionException {
        String n = node.name();
        Value a = lastTwoSwapped(x.get(0), node.boolAttr(flagA, false), n + "/a", out);
        Value b = lastTwoSwapped(x.get(1), node.boolAttr(flagB, false), n + "/b", out);
        Dyn da = out.logical(a, n);
        Dyn db = out.logical(b, n);
        long[] sa = da.shape();
        long[] sb = db.shape();
        if (sa.length < 2 || sb.length < 2) {
            throw new ConversionException("node " + n + " (" + node.op() + ") multiplies a tensor of rank < 2");
        }
        long[] batch = Shapes.broadcast(java.util.Arrays.copyOf(sa, sa.length - 2),
                java.util.Arrays.copyOf(sb, sb.length - 2));
        long[] shape = java.util.Arrays.copyOf(batch, batch.length + 2);
        shape[batch.length] = sa[sa.length - 2];
        shape[batch.length + 1] = sb[sb.length - 1];
        String o = out.node("MatMul", n, List.of(da.name(), db.name()));
        return new Dyn(o, da.type(), shape, null);
    }

    /** {@code v} with its last two axes swapped when {@code swap} (at conversion time for a constant). */
    private static Value lastTwoSwapped(Value v, boolean swap, String base, Emitter out) {
        if (!swap) {
            return v;
        }
        int rank = Shapes.shapeOf(v).length;
        int[] perm = Shapes.identity(rank);
        perm[rank - 2] = rank - 1;
        perm[rank - 1] = rank - 2;
        if (v instanceof Const c) {
            return new Const(Tensors.permute(c.tensor(), perm));
        }
        Dyn d = out.logical(v, base);
        long[] p = java.util.Arrays.stream(perm).mapToLong(i -> i).toArray();
        String o = out.node("Transpose", base + "/transpose", List.of(d.name()), new Attribute("perm", p));
        return new Dyn(o, d.type(), Shapes.permute(d.shape(), perm), null);
    }
}
