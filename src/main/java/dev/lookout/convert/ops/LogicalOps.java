package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.one;

/** TF.js's logical family: broadcasting comparisons giving bool. */
final class LogicalOps {

    private LogicalOps() {
    }

    static void register(OpRegistry r) {
        compare(r, "Less", "Less");
        compare(r, "Greater", "Greater");
    }

    private static void compare(OpRegistry r, String onnxOp, String tfOp) {
        r.add((node, x, cx) -> one(cx.out().compare(onnxOp, x.get(0), x.get(1), node.name())), tfOp);
    }
}
