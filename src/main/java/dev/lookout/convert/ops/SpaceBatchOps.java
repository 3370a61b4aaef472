package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.constIn;
import static dev.lookout.convert.ops.OpContext.one;
import static dev.lookout.convert.ops.Shapes.NHWC_TO_NCHW;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.OnnxGraph.Attribute;
import java.util.ArrayList;
import java.util.List;

/**
 * The block rearrangements of TF.js's transformation family. SpaceToBatchND and BatchToSpaceND (what TF writes
 * around a dilated convolution) are Pad/Reshape/Transpose/Reshape(/Slice) chains whose reshape targets are constants
 * when the dims are known and are computed from the value's run-time Shape otherwise (an unknown batch or size).
 * DepthToSpace is ONNX DepthToSpace in DCR mode, TF's channel order, on the NCHW-stored value.
 */
final class SpaceBatchOps {

    /** One entry of a reshape target: {@code shape[source] / div * mul}, or the constant {@code mul} (source -1). */
    private record Dim(int source, long div, long mul) {
        static Dim of(long value) {
            return new Dim(-1, 1, value);
        }
    }

    private SpaceBatchOps() {
    }

    static void register(OpRegistry r) {
        r.add(SpaceBatchOps::spaceToBatch, "SpaceToBatchND");
        r.add(SpaceBatchOps::batchToSpace, "BatchToSpaceND");
        r.add(SpaceBatchOps::depthToSpace, "DepthToSpace");
    }

    private static Value[] spaceToBatch(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        Emitter out = cx.out();
        String n = node.name();
        Dyn v = out.logical(x.get(0), n);
        long[] block = constIn(node, x, 1).longs();
        long[] paddings = constIn(node, x, 2).longs();
        int m = block.length;
        int rank = v.rank();
        checkBlock(node, block, paddings, rank);
        long[] pads = new long[2 * rank];
        long[] padded = v.shape().clone();
        for (int i = 0; i < m; i++) {
            pads[1 + i] = paddings[2 * i];
            pads[rank + 1 + i] = paddings[2 * i + 1];
            padded[1 + i] = padded[1 + i] < 0 ? -1 : padded[1 + i] + paddings[2 * i] + paddings[2 * i + 1];
        }
        String p = out.node("Pad", n + "/pad", List.of(v.name(), out.vec(pads, n + "/pads")));
        // [N, s1/b1, b1, ..., sM/bM, bM, rest...] -> blocks first -> [b1*...*bM*N, s1/b1, ..., rest...]
        List<Dim> split = new ArrayList<>(List.of(new Dim(0, 1, 1)));
        long[] perm = new long[rank + m];
        long prod = 1;
        for (int i = 0; i < m; i++) {
            split.add(new Dim(1 + i, block[i], 1));
            split.add(Dim.of(block[i]));
            perm[i] = 2 + 2L * i;
            perm[m + 1 + i] = 1 + 2L * i;
            prod *= block[i];
        }
        perm[m] = 0;
        List<Dim> merged = new ArrayList<>(List.of(new Dim(0, 1, prod)));
        long[] shape = new long[rank];
        shape[0] = padded[0] < 0 ? -1 : padded[0] * prod;
        for (int i = 1; i < rank; i++) {
            long div = i <= m ? block[i - 1] : 1;
            merged.add(new Dim(i, div, 1));
            shape[i] = padded[i] < 0 ? -1 : padded[i] / div;
        }
        for (int i = m + 1; i < rank; i++) {
            split.add(new Dim(i, 1, 1));
            perm[m + i] = m + i;
        }
        String r1 = out.node("Reshape", n + "/split", List.of(p, target(split, p, padded, n + "/split", out)));
        String t = out.node("Transpose", n + "/blocks_first", List.of(r1), new Attribute("perm", perm));
        String o = out.node("Reshape", n, List.of(t, target(merged, p, padded, n + "/merged", out)));
        return one(new Dyn(o, v.type(), shape, null));
    }

    private static Value[] batchToSpace(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        Emitter out = cx.out();
        String n = node.name();
        Dyn v = out.logical(x.get(0), n);
        long[] block = constIn(node, x, 1).longs();
        long[] crops = constIn(node, x, 2).longs();
        int m = block.length;
        int rank = v.rank();
        checkBlock(node, block, crops, rank);
        long prod = 1;
        for (long b : block) {
            prod *= b;
        }
        // [B, d1..dM, rest] -> [b1..bM, B/prod, d1..dM, rest] -> [B/prod, d1, b1, ..., dM, bM, rest] -> merged
        List<Dim> split = new ArrayList<>();
        long[] perm = new long[rank + m];
        for (int i = 0; i < m; i++) {
            split.add(Dim.of(block[i]));
            perm[1 + 2 * i] = m + 1 + i;
            perm[2 + 2 * i] = i;
        }
        split.add(new Dim(0, prod, 1));
        perm[0] = m;
        List<Dim> merged = new ArrayList<>(List.of(new Dim(0, prod, 1)));
        long[] full = new long[rank];
        full[0] = v.shape()[0] < 0 ? -1 : v.shape()[0] / prod;
        for (int i = 1; i < rank; i++) {
            split.add(new Dim(i, 1, 1));
            long mul = i <= m ? block[i - 1] : 1;
            merged.add(new Dim(i, 1, mul));
            full[i] = v.shape()[i] < 0 ? -1 : v.shape()[i] * mul;
            if (i > m) {
                perm[m + i] = m + i;
            }
        }
        String r1 = out.node("Reshape", n + "/split", List.of(v.name(), target(split, v.name(), v.shape(),
                n + "/split", out)));
        String t = out.node("Transpose", n + "/interleave", List.of(r1), new Attribute("perm", perm));
        String r2 = out.node("Reshape", n + "/merged", List.of(t, target(merged, v.name(), v.shape(),
                n + "/merged", out)));
        long[] starts = new long[m];
        long[] ends = new long[m];
        long[] axes = new long[m];
        long[] shape = full.clone();
        for (int i = 0; i < m; i++) {
            starts[i] = crops[2 * i];
            ends[i] = crops[2 * i + 1] > 0 ? -crops[2 * i + 1] : Long.MAX_VALUE;
            axes[i] = 1 + i;
            shape[1 + i] = full[1 + i] < 0 ? -1 : full[1 + i] - crops[2 * i] - crops[2 * i + 1];
        }
        String o = out.node("Slice", n, List.of(r2, out.vec(starts, n + "/starts"), out.vec(ends, n + "/ends"),
                out.vec(axes, n + "/axes")));
        return one(new Dyn(o, v.type(), shape, null));
    }

    private static Value[] depthToSpace(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        Emitter out = cx.out();
        String n = node.name();
        if (!"NHWC".equals(node.stringAttr("data_format", "NHWC"))) {
            throw new ConversionException("node " + n + " (DepthToSpace) uses data_format "
                    + node.stringAttr("data_format", "") + "; TF.js's cpu backend (and the converter) supports NHWC only");
        }
        long b = node.intAttr("block_size", 0);
        Dyn v = out.toPerm(out.dyn(x.get(0), n), NHWC_TO_NCHW);
        long[] s = v.shape();
        if (v.rank() != 4 || b < 2 || s[3] >= 0 && s[3] % (b * b) != 0) {
            throw new ConversionException("node " + n + " (DepthToSpace) needs a 4-D input whose channels divide"
                    + " by block_size squared and a block_size above 1 (block_size " + b + ", shape "
                    + java.util.Arrays.toString(s) + ")");
        }
        String o = out.node("DepthToSpace", n, List.of(v.name()), new Attribute("blocksize", b),
                new Attribute("mode", "DCR"));
        long[] shape = {s[0], s[1] < 0 ? -1 : s[1] * b, s[2] < 0 ? -1 : s[2] * b, s[3] < 0 ? -1 : s[3] / (b * b)};
        return one(new Dyn(o, v.type(), shape, NHWC_TO_NCHW));
    }

    private static void checkBlock(TfNode node, long[] block, long[] pairs, int rank) throws ConversionException {
        if (block.length < 1 || block.length >= rank || pairs.length != 2 * block.length) {
            throw new ConversionException("node " + node.name() + " (" + node.op() + ") has " + block.length
                    + " block dims and " + pairs.length / 2 + " pad/crop pairs for a tensor of rank " + rank
                    + "; it needs one pair per block dim and fewer block dims than the rank minus one");
        }
    }

    /** A reshape target: constant when every dim it uses is known, else built from the run-time Shape of {@code of}. */
    private static String target(List<Dim> dims, String of, long[] known, String base, Emitter out) {
        long[] values = new long[dims.size()];
        boolean allKnown = true;
        for (int i = 0; i < values.length; i++) {
            Dim d = dims.get(i);
            long s = d.source() < 0 ? 1 : known[d.source()];
            allKnown &= s >= 0;
            values[i] = s < 0 ? -1 : s / d.div() * d.mul();
        }
        if (allKnown) {
            return out.vec(values, base + "/shape");
        }
        String shape = out.node("Shape", base + "/runtime_shape", List.of(of));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Dim d = dims.get(i);
            if (values[i] >= 0) {
                parts.add(out.vec(new long[] {values[i]}, base + "/dim"));
                continue;
            }
            String dim = out.node("Slice", base + "/dim", List.of(shape, out.vec(new long[] {d.source()},
                    base + "/at"), out.vec(new long[] {d.source() + 1}, base + "/to")));
            if (d.div() != 1) {
                dim = out.node("Div", base + "/dim", List.of(dim, out.vec(new long[] {d.div()}, base + "/div")));
            }
            if (d.mul() != 1) {
                dim = out.node("Mul", base + "/dim", List.of(dim, out.vec(new long[] {d.mul()}, base + "/mul")));
            }
            parts.add(dim);
        }
        return out.node("Concat", base + "/shape", parts, new Attribute("axis", 0L));
    }
}
