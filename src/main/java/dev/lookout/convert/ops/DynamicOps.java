package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.constIn;
import static dev.lookout.convert.ops.OpContext.one;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.Const;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.OnnxGraph.Attribute;
import dev.lookout.onnx.Tensor;
import java.util.List;

/**
 * TF.js's dynamic family: non-max suppression (V3, V4, V5 without soft-NMS) through ONNX's NonMaxSuppression, and
 * Where's coordinates of true elements. Both give TF.js's int32 indices. TF.js keeps a box whose score is above the
 * score threshold (strictly) and drops one that overlaps a kept box too much, in score order, as ONNX does.
 */
final class DynamicOps {

    private DynamicOps() {
    }

    static void register(OpRegistry r) {
        r.add((node, x, cx) -> one(nms(node, x, cx.out()).indices()), "NonMaxSuppressionV2", "NonMaxSuppressionV3");
        r.add(DynamicOps::nmsV4, "NonMaxSuppressionV4");
        r.add(DynamicOps::nmsV5, "NonMaxSuppressionV5");
        r.add(DynamicOps::where, "Where");
    }

    private record Selected(Dyn indices, Dyn indices64) {
    }

    private static Selected nms(TfNode node, List<Value> x, Emitter out) throws ConversionException {
        String n = node.name();
        Dyn boxes = out.logical(x.get(0), n);
        Dyn scores = out.logical(x.get(1), n);
        String maxBoxes = out.cast(x.get(2), DataType.INT64, n + "/max").name();
        String iou = out.logical(x.size() > 3 ? x.get(3) : new Const(Tensor.ofFloats(new long[0], 0.5f)), n).name();
        String minScore = out.logical(x.size() > 4 ? x.get(4)
                : new Const(Tensor.ofFloats(new long[0], Float.NEGATIVE_INFINITY)), n).name();
        String b3 = out.node("Unsqueeze", n + "/boxes", List.of(boxes.name(), out.vec(new long[] {0}, n + "/axis0")));
        String s3 = out.node("Unsqueeze", n + "/scores", List.of(scores.name(), out.vec(new long[] {0, 1},
                n + "/axes01")));
        String maxV = out.node("Reshape", n + "/max_vec", List.of(maxBoxes, out.vec(new long[] {1}, n + "/one")));
        String iouV = out.node("Reshape", n + "/iou_vec", List.of(iou, out.vec(new long[] {1}, n + "/one")));
        String minV = out.node("Reshape", n + "/score_vec", List.of(minScore, out.vec(new long[] {1}, n + "/one")));
        String selected = out.node("NonMaxSuppression", n + "/nms", List.of(b3, s3, maxV, iouV, minV),
                new Attribute("center_point_box", 0L));
        String column = out.node("Gather", n + "/box_index", List.of(selected,
                out.constant(Tensor.ofLongs(new long[0], 2), n + "/two")), new Attribute("axis", 1L));
        Dyn idx64 = new Dyn(column, DataType.INT64, new long[] {-1}, null);
        Dyn idx = out.cast(idx64, DataType.INT32, n);
        return new Selected(idx, idx64);
    }

    private static Value[] nmsV4(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        Emitter out = cx.out();
        String n = node.name();
        Selected s = nms(node, x, out);
        Dyn valid = count(s.indices64(), n + ":1", out);
        if (!node.boolAttr("pad_to_max_output_size", false)) {
            return new Value[] {s.indices(), valid};
        }
        long max = constIn(node, x, 2).longs()[0];
        Dyn missing = out.binary("Sub", new Const(Tensor.ofInts(new long[0], (int) max)), valid, n + "/missing");
        Dyn missingVec = new Dyn(out.node("Reshape", n + "/missing_vec", List.of(missing.name(),
                out.vec(new long[] {1}, n + "/one"))), DataType.INT32, new long[] {1}, null);
        String pads = out.node("Concat", n + "/pads", List.of(out.vec(new long[] {0}, n + "/zero"),
                out.cast(missingVec, DataType.INT64, n + "/missing64").name()), new Attribute("axis", 0L));
        String padded = out.node("Pad", n + "/padded", List.of(s.indices().name(), pads));
        return new Value[] {new Dyn(padded, DataType.INT32, new long[] {max}, null), valid};
    }

    private static Value[] nmsV5(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        float sigma = x.size() > 5 && x.get(5) instanceof Const c ? c.tensor().floats()[0] : Float.NaN;
        if (sigma != 0f) {
            throw new ConversionException("node " + node.name() + " (NonMaxSuppressionV5) uses soft-NMS (sigma "
                    + (Float.isNaN(sigma) ? "computed at run time" : sigma) + "), which the converter does not"
                    + " reproduce; only sigma 0 (hard NMS) is supported");
        }
        Emitter out = cx.out();
        String n = node.name();
        Selected s = nms(node, x, out);
        Dyn scores = out.logical(x.get(1), n);
        String picked = out.node("Gather", n + ":1", List.of(scores.name(), s.indices64().name()),
                new Attribute("axis", 0L));
        return new Value[] {s.indices(), new Dyn(picked, scores.type(), new long[] {-1}, null),
                count(s.indices64(), n + ":2", out)};
    }

    /** The length of a vector as an int32 scalar. */
    private static Dyn count(Dyn vector, String base, Emitter out) {
        String shape = out.node("Shape", base + "/shape", List.of(vector.name()));
        String scalar = out.node("Squeeze", base + "/length", List.of(shape, out.vec(new long[] {0}, base + "/axis")));
        return out.cast(new Dyn(scalar, DataType.INT64, new long[0], null), DataType.INT32, base);
    }

    /** Where: the coordinates of the true elements, {@code [count, rank]}, row-major, as TF.js's int32. */
    private static Value[] where(TfNode node, List<Value> x, OpContext cx) {
        Emitter out = cx.out();
        String n = node.name();
        Dyn cond = out.cast(out.logical(x.get(0), n), DataType.BOOL, n + "/bool");
        String nz = out.node("NonZero", n + "/nonzero", List.of(cond.name()));
        String t = out.node("Transpose", n + "/coords", List.of(nz), new Attribute("perm", new long[] {1, 0}));
        return one(out.cast(new Dyn(t, DataType.INT64, new long[] {-1, cond.rank()}, null), DataType.INT32, n));
    }
}
