package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.one;

import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.Const;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.DataType;
import java.util.Arrays;

/**
 * TF.js's arithmetic family: broadcasting element-wise ops of two (or, for AddN, more) operands, with TF's integer
 * rules for FloorDiv and FloorMod.
 */
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
        binary(r, "Pow", "Pow");
        r.add((node, x, cx) -> {
            Dyn d = cx.out().binary("Sub", x.get(0), x.get(1), node.name() + "/sub");
            return one(cx.out().binary("Mul", d, d, node.name()));
        }, "SquaredDifference");
        r.add((node, x, cx) -> one(floorDiv(x.get(0), x.get(1), node.name(), cx.out())), "FloorDiv");
        r.add((node, x, cx) -> one(floorMod(x.get(0), x.get(1), node.name(), cx.out())), "FloorMod", "Mod");
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

    /**
     * TF.js's floorDiv: {@code floor(a / b)}. Integers are divided in double precision (TF.js divides JS numbers), which
     * is exact for int32 and rounds toward minus infinity where ONNX's integer Div truncates.
     */
    static Dyn floorDiv(Value a, Value b, String base, Emitter out) {
        DataType type = Emitter.typeOf(a, b);
        if (type == DataType.FLOAT) {
            return out.unary("Floor", out.binary("Div", a, b, base + "/div"), base);
        }
        Dyn q = out.binary("Div", out.cast(a, DataType.DOUBLE, base + "/a"), out.cast(b, DataType.DOUBLE,
                base + "/b"), base + "/div");
        return out.cast(out.unary("Floor", q, base + "/floor"), type, base);
    }

    /** TF's floorMod: the remainder takes the divisor's sign ({@code a - floor(a / b) * b}). */
    static Dyn floorMod(Value a, Value b, String base, Emitter out) {
        DataType type = Emitter.typeOf(a, b);
        if (type == DataType.FLOAT) {
            Dyn q = out.unary("Floor", out.binary("Div", a, b, base + "/div"), base + "/floor");
            return out.binary("Sub", a, out.binary("Mul", q, b, base + "/mul"), base);
        }
        Dyn r = out.binary("Mod", a, b, base);
        return r; // ONNX Mod with fmod = 0 is integer modulo with the divisor's sign
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
