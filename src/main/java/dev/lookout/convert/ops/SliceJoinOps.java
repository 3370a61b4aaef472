package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.constIn;
import static dev.lookout.convert.ops.OpContext.one;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.StridedSliceSpec;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.Const;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.OnnxGraph.Attribute;
import dev.lookout.onnx.Tensor;
import java.util.ArrayList;
import java.util.List;

/** TF.js's slice-and-join family: slices, Pack/Unpack, ConcatV2, Tile, the gathers and the splits. */
final class SliceJoinOps {

    private SliceJoinOps() {
    }

    static void register(OpRegistry r) {
        r.add((node, x, cx) -> one(stridedSlice(node, x, cx)), "StridedSlice");
        r.add(SliceJoinOps::slice, "Slice");
        r.add(SliceJoinOps::pack, "Pack");
        r.add(SliceJoinOps::unpack, "Unpack");
        r.add((node, x, cx) -> {
            long axis = constIn(node, x, x.size() - 1).longs()[0];
            int rank = Shapes.shapeOf(x.get(0)).length;
            return one(cx.out().concat(x.subList(0, x.size() - 1), (int) (axis < 0 ? axis + rank : axis),
                    node.name()));
        }, "ConcatV2");
        r.add((node, x, cx) -> {
            Emitter out = cx.out();
            String n = node.name();
            Dyn v = out.logical(x.get(0), n);
            if (x.get(1) instanceof Dyn repeats) { // computed at run time, e.g. from the batch
                Dyn wide = out.cast(repeats, DataType.INT64, n + "/repeats");
                String o = out.node("Tile", n, List.of(v.name(), wide.name()));
                long[] shape = new long[v.rank()];
                java.util.Arrays.fill(shape, -1);
                return one(new Dyn(o, v.type(), shape, null));
            }
            long[] reps = constIn(node, x, 1).longs();
            long[] shape = v.shape().clone();
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shape[i] < 0 ? -1 : shape[i] * reps[i];
            }
            String o = out.node("Tile", n, List.of(v.name(), out.vec(reps, n + "/repeats")));
            return one(new Dyn(o, v.type(), shape, null));
        }, "Tile");
        r.add(SliceJoinOps::gather, "GatherV2", "Gather");
        r.add(SliceJoinOps::gatherNd, "GatherNd");
        r.add(SliceJoinOps::split, "Split", "SplitV");
        SparseOps.register(r);
    }

    /**
     * GatherV2 along {@code axis} with {@code batch_dims}: ONNX Gather without batch dims, else GatherND over the
     * batch (TF's batch gather, where the axis follows the batch dims).
     */
    private static Value[] gather(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        Emitter out = cx.out();
        String n = node.name();
        Dyn params = out.logical(x.get(0), n);
        Dyn indices = out.logical(x.get(1), n);
        int rank = params.rank();
        long axis = x.size() > 2 ? constIn(node, x, 2).longs()[0] : 0;
        axis = axis < 0 ? axis + rank : axis;
        long batchDims = node.intAttr("batch_dims", 0);
        batchDims = batchDims < 0 ? batchDims + indices.rank() : batchDims;
        long[] shape = new long[rank - 1 + indices.rank() - (int) batchDims];
        int k = 0;
        for (int i = 0; i < axis; i++) {
            shape[k++] = params.shape()[i];
        }
        for (int i = (int) batchDims; i < indices.rank(); i++) {
            shape[k++] = indices.shape()[i];
        }
        for (int i = (int) axis + 1; i < rank; i++) {
            shape[k++] = params.shape()[i];
        }
        if (batchDims == 0) {
            String o = out.node("Gather", n, List.of(params.name(), indices.name()), new Attribute("axis", axis));
            return one(new Dyn(o, params.type(), shape, null));
        }
        if (axis != batchDims) {
            throw new ConversionException("node " + n + " (GatherV2) gathers along axis " + axis + " after "
                    + batchDims + " batch dims; only the axis right after the batch dims is supported");
        }
        Dyn wide = out.cast(indices, DataType.INT64, n + "/indices");
        String last = out.node("Unsqueeze", n + "/index", List.of(wide.name(),
                out.vec(new long[] {indices.rank()}, n + "/last")));
        String o = out.node("GatherND", n, List.of(params.name(), last), new Attribute("batch_dims", batchDims));
        return one(new Dyn(o, params.type(), shape, null));
    }

    /** GatherNd: ONNX GatherND with int64 indices. */
    private static Value[] gatherNd(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        Emitter out = cx.out();
        String n = node.name();
        Dyn params = out.logical(x.get(0), n);
        Dyn indices = out.cast(out.logical(x.get(1), n), DataType.INT64, n + "/indices");
        long depth = indices.shape()[indices.rank() - 1];
        if (depth < 0) {
            throw new ConversionException("node " + n + " (GatherNd) needs a known index depth");
        }
        long[] shape = new long[indices.rank() - 1 + params.rank() - (int) depth];
        System.arraycopy(indices.shape(), 0, shape, 0, indices.rank() - 1);
        System.arraycopy(params.shape(), (int) depth, shape, indices.rank() - 1, params.rank() - (int) depth);
        String o = out.node("GatherND", n, List.of(params.name(), indices.name()));
        return one(new Dyn(o, params.type(), shape, null));
    }

    /** Split (axis first, {@code num_split} equal parts) and SplitV (sizes, one may be -1). */
    private static Value[] split(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        Emitter out = cx.out();
        String n = node.name();
        boolean v = node.op().equals("SplitV");
        Dyn value = out.logical(x.get(v ? 0 : 1), n);
        long axis = constIn(node, x, v ? 2 : 0).longs()[0];
        int a = (int) (axis < 0 ? axis + value.rank() : axis);
        long dim = value.shape()[a];
        long[] sizes;
        if (v) {
            sizes = constIn(node, x, 1).longs();
            int unknown = -1;
            long known = 0;
            for (int i = 0; i < sizes.length; i++) {
                if (sizes[i] < 0) {
                    unknown = i;
                } else {
                    known += sizes[i];
                }
            }
            if (unknown >= 0) {
                if (dim < 0) {
                    throw new ConversionException("node " + n + " (SplitV) infers a size along an unknown dim");
                }
                sizes[unknown] = dim - known;
            }
        } else {
            int num = (int) node.intAttr("num_split", 1);
            if (dim < 0 || dim % num != 0) {
                throw new ConversionException("node " + n + " (Split) splits a dim of " + dim + " into " + num
                        + " equal parts");
            }
            sizes = new long[num];
            java.util.Arrays.fill(sizes, dim / num);
        }
        List<String> outs = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            outs.add(out.unique(i == 0 ? n : n + ":" + i));
        }
        out.graph.addNode("Split", out.unique(n + "/Split"), List.of(value.name(), out.vec(sizes, n + "/sizes")),
                outs, new Attribute("axis", (long) a));
        Value[] results = new Value[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            long[] shape = value.shape().clone();
            shape[a] = sizes[i];
            results[i] = new Dyn(outs.get(i), value.type(), shape, null);
        }
        return results;
    }

    private static Value stridedSlice(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        Emitter out = cx.out();
        Dyn v = out.logical(x.get(0), node.name());
        StridedSliceSpec spec = StridedSliceSpec.resolve(v.rank(), constIn(node, x, 1).longs(),
                constIn(node, x, 2).longs(), constIn(node, x, 3).longs(), node.intAttr("begin_mask", 0),
                node.intAttr("end_mask", 0), node.intAttr("ellipsis_mask", 0), node.intAttr("new_axis_mask", 0),
                node.intAttr("shrink_axis_mask", 0));
        String n = node.name();
        long[] known = cx.partialShapes().get(v.name());
        if (known != null) {
            // Slicing the dims of a partly known shape (e.g. the batch of a [1, H, W, 3] image) can be exact now.
            long[] picked = spec.select(known);
            if (picked != null && Shapes.known(picked)) {
                long[] outShape = spec.outputShape(v.shape());
                return new Const(v.type() == DataType.INT64 ? Tensor.ofLongs(outShape, picked)
                        : Tensor.ofInts(outShape, Shapes.toInts(picked)));
            }
        }
        String cur = v.name();
        if (spec.axes().length > 0) {
            cur = out.node("Slice", n + "/Slice", List.of(cur, out.vec(spec.starts(), n + "/starts"),
                    out.vec(spec.ends(), n + "/ends"), out.vec(spec.axes(), n + "/axes"),
                    out.vec(spec.steps(), n + "/steps")));
        }
        if (spec.shrinkAxes().length > 0) {
            cur = out.node("Squeeze", n + "/Squeeze", List.of(cur, out.vec(spec.shrinkAxes(), n + "/shrink")));
        }
        if (spec.newAxes().length > 0) {
            cur = out.node("Unsqueeze", n + "/Unsqueeze", List.of(cur, out.vec(spec.newAxes(), n + "/new_axes")));
        }
        if (cur.equals(v.name())) {
            cur = out.node("Identity", n, List.of(cur));
        }
        return new Dyn(cur, v.type(), spec.outputShape(v.shape()), null);
    }

    private static Value[] slice(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        Emitter out = cx.out();
        String n = node.name();
        Dyn v = out.logical(x.get(0), n);
        if (!(x.get(1) instanceof Const) || !(x.get(2) instanceof Const)) {
            return one(dynamicSlice(n, v, x.get(1), x.get(2), out));
        }
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
        String o = out.node("Slice", n, List.of(v.name(), out.vec(begin, n + "/starts"), out.vec(ends, n + "/ends"),
                out.vec(axes, n + "/axes"), out.vec(steps, n + "/steps")));
        return one(new Dyn(o, v.type(), shape, null));
    }

    /** Slice with begin or size computed at run time: ends are {@code begin + size}, or the end where size is -1. */
    private static Dyn dynamicSlice(String n, Dyn v, Value beginValue, Value sizeValue, Emitter out) {
        Dyn begin = out.cast(out.logical(beginValue, n), DataType.INT64, n + "/begin64");
        Dyn size = out.cast(out.logical(sizeValue, n), DataType.INT64, n + "/size64");
        Dyn sum = out.binary("Add", begin, size, n + "/end");
        Dyn toEnd = out.compare("Less", size, new Const(Tensor.ofLongs(new long[0], 0)), n + "/to_end");
        String ends = out.node("Where", n + "/ends", List.of(toEnd.name(),
                out.constant(Tensor.ofLongs(new long[0], Long.MAX_VALUE), n + "/max"), sum.name()));
        long[] axes = new long[v.rank()];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i;
        }
        String o = out.node("Slice", n, List.of(v.name(), begin.name(), ends, out.vec(axes, n + "/axes")));
        long[] shape = new long[v.rank()];
        java.util.Arrays.fill(shape, -1);
        if (sizeValue instanceof Const c) {
            long[] sizes = c.tensor().longs();
            for (int i = 0; i < shape.length; i++) {
                shape[i] = sizes[i] >= 0 ? sizes[i] : -1;
            }
        }
        return new Dyn(o, v.type(), shape, null);
    }

    private static Value[] pack(TfNode node, List<Value> x, OpContext cx) {
        Value[] packed = packed(node, x, cx);
        if (packed[0] instanceof Dyn d && x.stream().allMatch(v -> Shapes.shapeOf(v).length == 0)) {
            // A shape built from scalars (e.g. [batch, 28, 28, 16] for a transposed convolution): keep the known
            // values, as for a run-time Shape, so that ops needing them now can read them.
            long[] known = new long[x.size()];
            for (int i = 0; i < known.length; i++) {
                known[i] = x.get(i) instanceof Const c ? c.tensor().longs()[0] : -1;
            }
            cx.partialShapes().put(d.name(), known);
        }
        return packed;
    }

    private static Value[] packed(TfNode node, List<Value> x, OpContext cx) {
        Emitter out = cx.out();
        int axis = (int) node.intAttr("axis", 0);
        int rank = Shapes.shapeOf(x.get(0)).length + 1;
        int a = axis < 0 ? axis + rank : axis;
        List<Value> parts = new ArrayList<>();
        for (Value v : x) {
            parts.add(out.unsqueeze(out.logical(v, node.name()), a, node.name()));
        }
        return one(parts.size() == 1 ? parts.get(0) : out.concat(parts, a, node.name()));
    }

    private static Value[] unpack(TfNode node, List<Value> x, OpContext cx) {
        Emitter out = cx.out();
        String n = node.name();
        Dyn v = out.logical(x.get(0), n);
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
            results[i] = out.squeeze(part, new long[] {a}, i == 0 ? n : n + ":" + i);
        }
        return results;
    }
}
