package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.constIn;
import static dev.lookout.convert.ops.OpContext.one;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfDataType;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.OnnxGraph.Attribute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * TF.js's reduction family: Mean, Sum, Max, Min, Prod, All, Any (with {@code keep_dims}) and ArgMax/ArgMin. A value
 * stored transposed is reduced in its stored layout (a global average pool over NCHW needs no transpose).
 */
final class ReductionOps {

    private ReductionOps() {
    }

    static void register(OpRegistry r) {
        reduce(r, "ReduceMean", "Mean");
        reduce(r, "ReduceSum", "Sum");
        reduce(r, "ReduceMax", "Max");
        reduce(r, "ReduceMin", "Min");
        reduce(r, "ReduceProd", "Prod");
        r.add((node, x, cx) -> one(logicalReduce("ReduceMin", node, x, cx.out())), "All");
        r.add((node, x, cx) -> one(logicalReduce("ReduceMax", node, x, cx.out())), "Any");
        r.add((node, x, cx) -> one(arg("ArgMax", node, x, cx.out())), "ArgMax");
        r.add((node, x, cx) -> one(arg("ArgMin", node, x, cx.out())), "ArgMin");
    }

    private static void reduce(OpRegistry r, String onnxOp, String tfOp) {
        r.add((node, x, cx) -> one(reduce(onnxOp, node, x, cx.out().dyn(x.get(0), node.name()), node.name(),
                cx.out())), tfOp);
    }

    /** The logical axes a reduction names, non-negative and sorted; all axes for an empty list (TF's rule). */
    static int[] axes(TfNode node, List<Value> x, int rank) throws ConversionException {
        long[] given = constIn(node, x, 1).longs();
        TreeSet<Integer> set = new TreeSet<>();
        for (long a : given) {
            if (a < -rank || a >= rank) {
                throw new ConversionException("node " + node.name() + " (" + node.op() + ") reduces axis " + a
                        + " of a tensor of rank " + rank);
            }
            set.add((int) (a < 0 ? a + rank : a));
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Dyn reduce(String onnxOp, TfNode node, List<Value> x, Dyn v, String base, Emitter out)
            throws ConversionException {
        boolean keep = node.boolAttr("keep_dims", false);
        int[] axes = axes(node, x, v.rank());
        if (axes.length == 0 && constIn(node, x, 1).size() == 0) {
            // TF reduces nothing for an empty axis list
            return new Dyn(out.node("Identity", base, List.of(v.name())), v.type(), v.shape(), v.perm());
        }
        int[] p = v.perm() == null ? Shapes.identity(v.rank()) : v.perm();
        long[] physical = new long[axes.length];
        for (int k = 0; k < axes.length; k++) {
            for (int j = 0; j < p.length; j++) {
                if (p[j] == axes[k]) {
                    physical[k] = j;
                }
            }
        }
        Arrays.sort(physical);
        String o = onnxOp.equals("ReduceSum")
                ? out.node(onnxOp, base, List.of(v.name(), out.vec(physical, base + "/axes")),
                        new Attribute("keepdims", keep ? 1L : 0L))
                : out.node(onnxOp, base, List.of(v.name()), new Attribute("axes", physical),
                        new Attribute("keepdims", keep ? 1L : 0L));
        long[] shape = v.shape().clone();
        for (int a : axes) {
            shape[a] = 1;
        }
        if (keep) {
            return new Dyn(o, v.type(), shape, v.perm());
        }
        List<Long> kept = new ArrayList<>();
        List<Integer> keptLogical = new ArrayList<>();
        for (int i = 0; i < shape.length; i++) {
            if (Arrays.binarySearch(axes, i) < 0) {
                kept.add(shape[i]);
                keptLogical.add(i);
            }
        }
        // the stored order of the remaining axes, renumbered among themselves
        int[] np = new int[kept.size()];
        int k = 0;
        for (int j = 0; j < p.length; j++) {
            if (Arrays.binarySearch(axes, p[j]) < 0) {
                np[k++] = keptLogical.indexOf(p[j]);
            }
        }
        return new Dyn(o, v.type(), kept.stream().mapToLong(Long::longValue).toArray(),
                Shapes.isIdentity(np) ? null : np);
    }

    /** All/Any on bool: a min/max over 0/1. */
    private static Dyn logicalReduce(String onnxOp, TfNode node, List<Value> x, Emitter out)
            throws ConversionException {
        String n = node.name();
        Dyn v = out.dyn(x.get(0), n);
        String asInt = out.node("Cast", n + "/to_int", List.of(v.name()), new Attribute("to",
                (long) DataType.INT32.onnxCode()));
        Dyn r = reduce(onnxOp, node, x, new Dyn(asInt, DataType.INT32, v.shape(), v.perm()), n + "/reduce", out);
        String o = out.node("Cast", n, List.of(r.name()), new Attribute("to", (long) DataType.BOOL.onnxCode()));
        return new Dyn(o, DataType.BOOL, r.shape(), r.perm());
    }

    /** ArgMax/ArgMin along one axis, TF's first index on ties, as TF.js's int32 (or the node's output_type). */
    private static Dyn arg(String onnxOp, TfNode node, List<Value> x, Emitter out) throws ConversionException {
        String n = node.name();
        Dyn v = out.logical(x.get(0), n);
        int[] axes = axes(node, x, v.rank());
        if (axes.length != 1) {
            throw new ConversionException("node " + n + " (" + node.op() + ") needs exactly one axis");
        }
        String idx = out.node(onnxOp, n + "/" + onnxOp, List.of(v.name()), new Attribute("axis", (long) axes[0]),
                new Attribute("keepdims", 0L), new Attribute("select_last_index", 0L));
        DataType type = node.typeAttr("output_type", TfDataType.INT32).onnx();
        String o = out.node("Cast", n, List.of(idx), new Attribute("to", (long) type.onnxCode()));
        long[] shape = new long[v.rank() - 1];
        for (int i = 0, j = 0; i < v.rank(); i++) {
            if (i != axes[0]) {
                shape[j++] = v.shape()[i];
            }
        }
        return new Dyn(o, type, shape, null);
    }
}
