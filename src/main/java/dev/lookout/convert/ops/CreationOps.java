package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.constIn;
import static dev.lookout.convert.ops.OpContext.one;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.DataType;
import java.util.List;

/** TF.js's creation family: Range and Fill. */
final class CreationOps {

    private CreationOps() {
    }

    static void register(OpRegistry r) {
        r.add((node, x, cx) -> {
            Emitter out = cx.out();
            String n = node.name();
            Dyn start = out.dyn(x.get(0), n);
            String o = out.node("Range", n, List.of(start.name(), out.dyn(x.get(1), n).name(),
                    out.dyn(x.get(2), n).name()));
            return one(new Dyn(o, start.type(), new long[] {-1}, null));
        }, "Range");
        r.add((node, x, cx) -> {
            Emitter out = cx.out();
            Dyn v = out.dyn(x.get(1), node.name());
            if (x.get(0) instanceof Value.Const) {
                long[] dims = constIn(node, x, 0).longs();
                String o = out.node("Expand", node.name(), List.of(v.name(), out.vec(dims, node.name() + "/shape")));
                return one(new Dyn(o, v.type(), dims, null));
            }
            // dims computed at run time: the rank is known, the sizes are not
            long[] dimsShape = Shapes.shapeOf(x.get(0));
            if (dimsShape.length != 1 || dimsShape[0] < 0) {
                throw new ConversionException("node " + node.name() + " (Fill) needs dims of a known length");
            }
            Dyn dims = out.cast(out.logical(x.get(0), node.name()), DataType.INT64, node.name() + "/dims");
            String o = out.node("Expand", node.name(), List.of(v.name(), dims.name()));
            long[] shape = new long[(int) dimsShape[0]];
            java.util.Arrays.fill(shape, -1);
            return one(new Dyn(o, v.type(), shape, null));
        }, "Fill");
    }
}
