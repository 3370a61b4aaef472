package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.constIn;
import static dev.lookout.convert.ops.OpContext.one;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.Const;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.OnnxGraph.Attribute;
import dev.lookout.onnx.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The pads of TF.js's transformation family: Pad, PadV2 and MirrorPad. REFLECT is ONNX Pad's reflect mode; ONNX has
 * no SYMMETRIC mode (the edge repeated), so that one is built from reversed slices concatenated around the value.
 */
final class PadOps {

    private PadOps() {
    }

    static void register(OpRegistry r) {
        r.add(PadOps::pad, "Pad", "PadV2", "MirrorPad");
    }

    /** Pad, PadV2 (with a fill value) and MirrorPad, in the value's stored layout. */
    private static Value[] pad(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        Emitter out = cx.out();
        String n = node.name();
        Dyn v = out.dyn(x.get(0), n);
        if (!(x.get(1) instanceof Const) && !node.op().equals("MirrorPad")) {
            return one(dynamicPad(node, x, out.toLogical(v), out));
        }
        long[] paddings = constIn(node, x, 1).longs();
        int rank = v.rank();
        if (paddings.length != 2 * rank) {
            throw new ConversionException("node " + n + " (" + node.op() + ") has " + paddings.length / 2
                    + " paddings for a tensor of rank " + rank);
        }
        String mode = "constant";
        if (node.op().equals("MirrorPad")) {
            String tfMode = node.stringAttr("mode", "REFLECT").toUpperCase(java.util.Locale.ROOT);
            if (tfMode.equals("SYMMETRIC")) {
                return one(symmetric(v, paddings, n, out));
            }
            if (!tfMode.equals("REFLECT")) {
                throw new ConversionException("node " + n + " (MirrorPad) uses mode " + tfMode
                        + "; TF.js knows REFLECT and SYMMETRIC only");
            }
            mode = "reflect";
        }
        int[] p = v.perm() == null ? Shapes.identity(rank) : v.perm();
        long[] pads = new long[2 * rank];
        long[] shape = v.shape().clone();
        for (int j = 0; j < rank; j++) {
            pads[j] = paddings[2 * p[j]];
            pads[j + rank] = paddings[2 * p[j] + 1];
        }
        for (int i = 0; i < rank; i++) {
            shape[i] = shape[i] < 0 ? -1 : shape[i] + paddings[2 * i] + paddings[2 * i + 1];
        }
        List<String> inputs = new ArrayList<>(List.of(v.name(), out.vec(pads, n + "/pads")));
        if (node.op().equals("PadV2")) {
            Tensor fill = constIn(node, x, 2);
            inputs.add(out.constant(fill.reshape(), n + "/value"));
        }
        String o = out.node("Pad", n, inputs, new Attribute("mode", mode));
        return one(new Dyn(o, v.type(), shape, v.perm()));
    }

    /** Pad/PadV2 with paddings computed at run time ({@code [rank, 2]} becomes ONNX's begins then ends). */
    private static Dyn dynamicPad(TfNode node, List<Value> x, Dyn v, Emitter out) throws ConversionException {
        String n = node.name();
        Dyn p = out.cast(out.logical(x.get(1), n), dev.lookout.onnx.DataType.INT64, n + "/paddings64");
        String t = out.node("Transpose", n + "/paddings_t", List.of(p.name()), new Attribute("perm", new long[] {1, 0}));
        String pads = out.node("Reshape", n + "/pads", List.of(t, out.vec(new long[] {-1}, n + "/flat")));
        List<String> inputs = new ArrayList<>(List.of(v.name(), pads));
        if (node.op().equals("PadV2")) {
            inputs.add(out.node("Reshape", n + "/value", List.of(out.logical(x.get(2), n).name(),
                    out.vec(new long[0], n + "/scalar"))));
        }
        String o = out.node("Pad", n, inputs, new Attribute("mode", "constant"));
        long[] shape = new long[v.rank()];
        java.util.Arrays.fill(shape, -1);
        return new Dyn(o, v.type(), shape, null);
    }

    /**
     * MirrorPad SYMMETRIC, axis by axis in the stored layout: the first {@code before} elements reversed, the value,
     * the last {@code after} elements reversed (TF.js allows up to the whole dim on each side).
     */
    private static Dyn symmetric(Dyn v, long[] paddings, String n, Emitter out) {
        int[] p = v.perm() == null ? Shapes.identity(v.rank()) : v.perm();
        Dyn cur = v;
        for (int j = 0; j < p.length; j++) {
            long before = paddings[2 * p[j]];
            long after = paddings[2 * p[j] + 1];
            if (before == 0 && after == 0) {
                continue;
            }
            String base = n + "/axis" + p[j];
            String axis = out.vec(new long[] {j}, base + "/axis");
            String back = out.vec(new long[] {-1}, base + "/step");
            List<String> parts = new ArrayList<>();
            if (before > 0) {
                parts.add(out.node("Slice", base + "/before", List.of(cur.name(),
                        out.vec(new long[] {before - 1}, base + "/before_start"),
                        out.vec(new long[] {Long.MIN_VALUE}, base + "/to_first"), axis, back)));
            }
            parts.add(cur.name());
            if (after > 0) {
                String last = out.vec(new long[] {-1}, base + "/last");
                parts.add(out.node("Slice", base + "/after", List.of(cur.name(), last,
                        out.vec(new long[] {-1 - after}, base + "/after_end"), axis, back)));
            }
            long[] shape = cur.shape().clone();
            int logical = p[j];
            shape[logical] = shape[logical] < 0 ? -1 : shape[logical] + before + after;
            String o = out.node("Concat", base, parts, new Attribute("axis", (long) j));
            cur = new Dyn(o, v.type(), shape, v.perm());
        }
        return cur;
    }
}
