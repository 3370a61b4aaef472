package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.constIn;
import static dev.lookout.convert.ops.OpContext.one;

import dev.lookout.convert.ops.Value.Dyn;
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
            long[] dims = constIn(node, x, 0).longs();
            Dyn v = cx.out().dyn(x.get(1), node.name());
            String o = cx.out().node("Expand", node.name(), List.of(v.name(), cx.out().vec(dims, node.name() + "/shape")));
            return one(new Dyn(o, v.type(), dims, null));
        }, "Fill");
    }
}
