package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.one;

import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.Const;
import java.util.Arrays;

/** TF.js's arithmetic family: broadcasting element-wise ops of two (or, for AddN, more) operands. */
final class ArithmeticOps {

    private ArithmeticOps() {
    }

    static void register(OpRegistry r) {
        r.add((node, x, cx) -> one(cx.out().binary("Add", x.get(0),
                biasAligned(node, x.get(1), Shapes.shapeOf(x.get(0)).length), node.name())),
                "Add", "AddV2", "BiasAdd");
        binary(r, "Sub", "Sub");
        binary(r, "Mul", "Mul");
        binary(r, "Div", "RealDiv", "Div");
        binary(r, "Max", "Maximum");
        binary(r, "Min", "Minimum");
        r.add((node, x, cx) -> {
            Value acc = x.get(0);
            for (int i = 1; i < x.size(); i++) {
                acc = cx.out().binary("Add", acc, x.get(i), i == x.size() - 1 ? node.name() : node.name() + "/add" + i);
            }
            return one(acc);
        }, "AddN");
    }

    private static void binary(OpRegistry r, String onnxOp, String... tfOps) {
        r.add((node, x, cx) -> one(cx.out().binary(onnxOp, x.get(0), x.get(1), node.name())), tfOps);
    }

    /** A TF {@code BiasAdd} in NCHW format adds along axis 1: give its bias the shape that broadcasts so. */
    static Value biasAligned(TfNode node, Value bias, int dataRank) {
        if (node.op().equals("BiasAdd") && "NCHW".equals(node.stringAttr("data_format", "NHWC"))
                && bias instanceof Const c && c.tensor().rank() == 1) {
            long[] shape = new long[dataRank - 1];
            Arrays.fill(shape, 1);
            shape[0] = c.tensor().shape()[0];
            return new Const(c.tensor().reshape(shape));
        }
        return bias;
    }
}
