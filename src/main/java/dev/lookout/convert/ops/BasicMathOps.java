package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.one;

import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.OnnxGraph.Attribute;
import dev.lookout.onnx.Tensor;
import java.util.List;

/** TF.js's basic-math family: element-wise functions of one operand, kept in its stored layout. */
final class BasicMathOps {

    private BasicMathOps() {
    }

    static void register(OpRegistry r) {
        unary(r, "Relu", "Relu");
        unary(r, "Sigmoid", "Sigmoid");
        unary(r, "Exp", "Exp");
        unary(r, "Neg", "Neg");
        unary(r, "Sqrt", "Sqrt");
        unary(r, "Tanh", "Tanh");
        unary(r, "Log", "Log");
        r.add((node, x, cx) -> one(relu6(x.get(0), node.name(), cx.out())), "Relu6");
        r.add((node, x, cx) -> {
            Dyn s = cx.out().unary("Sqrt", x.get(0), node.name() + "/sqrt");
            return one(cx.out().unary("Reciprocal", s, node.name()));
        }, "Rsqrt");
        r.add((node, x, cx) -> one(cx.out().binary("Mul", x.get(0), x.get(0), node.name())), "Square");
        unary(r, "Abs", "Abs");
        unary(r, "Floor", "Floor");
        unary(r, "Ceil", "Ceil");
        unary(r, "Reciprocal", "Reciprocal");
        unary(r, "Sin", "Sin");
        unary(r, "Cos", "Cos");
        unary(r, "Tan", "Tan");
        unary(r, "Asin", "Asin");
        unary(r, "Acos", "Acos");
        unary(r, "Atan", "Atan");
        unary(r, "Sinh", "Sinh");
        unary(r, "Cosh", "Cosh");
        unary(r, "Erf", "Erf");
        unary(r, "Sign", "Sign");
        unary(r, "Softplus", "Softplus");
        unary(r, "Round", "Round");
        r.add((node, x, cx) -> one(cx.out().unary("Elu", x.get(0), node.name(), new Attribute("alpha", 1.0f))), "Elu");
        r.add((node, x, cx) -> one(cx.out().unary("Selu", x.get(0), node.name())), "Selu");
        r.add((node, x, cx) -> one(cx.out().unary("LeakyRelu", x.get(0), node.name(),
                new Attribute("alpha", (float) node.floatAttr("alpha", 0.2)))), "LeakyRelu");
        r.add((node, x, cx) -> one(Activations.prelu(x.get(0), x.get(1), node.name(), cx.out())), "Prelu");
    }

    private static void unary(OpRegistry r, String onnxOp, String tfOp) {
        r.add((node, x, cx) -> one(cx.out().unary(onnxOp, x.get(0), node.name())), tfOp);
    }

    /** {@code min(max(v, 0), 6)}. */
    static Dyn relu6(Value x, String base, Emitter out) {
        Dyn v = out.dyn(x, base);
        String lo = out.constant(Tensor.ofFloats(new long[0], 0f), "const/zero");
        String hi = out.constant(Tensor.ofFloats(new long[0], 6f), "const/six");
        String o = out.node("Clip", base, List.of(v.name(), lo, hi));
        return new Dyn(o, v.type(), v.shape(), v.perm());
    }
}
