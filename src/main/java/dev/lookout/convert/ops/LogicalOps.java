package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.one;

import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.Dyn;
import java.util.List;

/**
 * TF.js's logical family: broadcasting comparisons and logic giving bool, and Select/SelectV2. Less and Greater
 * compare in TF's layout (as Coco-SSD's committed model was converted); the others keep the stored layout.
 */
final class LogicalOps {

    private LogicalOps() {
    }

    static void register(OpRegistry r) {
        compare(r, "Less", "Less");
        compare(r, "Greater", "Greater");
        predicate(r, "Equal", "Equal");
        predicate(r, "GreaterOrEqual", "GreaterEqual");
        predicate(r, "LessOrEqual", "LessEqual");
        predicate(r, "And", "LogicalAnd");
        predicate(r, "Or", "LogicalOr");
        r.add((node, x, cx) -> {
            Dyn eq = cx.out().predicate("Equal", x.get(0), x.get(1), node.name() + "/equal");
            return one(cx.out().unary("Not", eq, node.name()));
        }, "NotEqual");
        r.add((node, x, cx) -> one(cx.out().unary("Not", x.get(0), node.name())), "LogicalNot");
        r.add(LogicalOps::select, "Select", "SelectV2");
    }

    private static void compare(OpRegistry r, String onnxOp, String tfOp) {
        r.add((node, x, cx) -> one(cx.out().compare(onnxOp, x.get(0), x.get(1), node.name())), tfOp);
    }

    private static void predicate(OpRegistry r, String onnxOp, String tfOp) {
        r.add((node, x, cx) -> one(cx.out().predicate(onnxOp, x.get(0), x.get(1), node.name())), tfOp);
    }

    /** {@code condition ? a : b}, broadcast; TF.js runs Select and SelectV2 alike (tf.where). */
    private static Value[] select(TfNode node, List<Value> x, OpContext cx) {
        Emitter out = cx.out();
        String n = node.name();
        Dyn cond = out.logical(x.get(0), n);
        Dyn a = out.logical(x.get(1), n);
        Dyn b = out.logical(x.get(2), n);
        long[] shape = Shapes.broadcast(Shapes.broadcast(cond.shape(), a.shape()), b.shape());
        String o = out.node("Where", n, List.of(cond.name(), a.name(), b.name()));
        return one(new Dyn(o, a.type(), shape, null));
    }
}
