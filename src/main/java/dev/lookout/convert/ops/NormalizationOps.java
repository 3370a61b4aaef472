package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.constIn;
import static dev.lookout.convert.ops.OpContext.one;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.Const;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.OnnxGraph.Attribute;
import dev.lookout.onnx.Tensor;
import java.util.List;

/** TF.js's normalization family: inference-mode batch normalization (folded into a scale and offset) and Softmax. */
final class NormalizationOps {

    private NormalizationOps() {
    }

    static void register(OpRegistry r) {
        r.add(NormalizationOps::batchNorm, "FusedBatchNorm", "FusedBatchNormV3");
        r.add((node, x, cx) -> {
            Dyn v = cx.out().logical(x.get(0), node.name());
            String o = cx.out().node("Softmax", node.name(), List.of(v.name()), new Attribute("axis", -1L));
            return one(new Dyn(o, v.type(), v.shape(), null));
        }, "Softmax");
    }

    private static Value[] batchNorm(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        if (node.boolAttr("is_training", false)) {
            throw new ConversionException("FusedBatchNorm " + node.name() + " is in training mode");
        }
        float[] scale = constIn(node, x, 1).floats();
        float[] offset = constIn(node, x, 2).floats();
        float[] mean = constIn(node, x, 3).floats();
        float[] variance = constIn(node, x, 4).floats();
        double eps = node.floatAttr("epsilon", 1e-3);
        float[] mul = new float[scale.length];
        float[] add = new float[scale.length];
        for (int c = 0; c < scale.length; c++) {
            double sc = scale[c] / Math.sqrt(variance[c] + eps);
            mul[c] = (float) sc;
            add[c] = (float) (offset[c] - mean[c] * sc);
        }
        long[] cs = {scale.length};
        Value scaled = cx.out().binary("Mul", x.get(0), new Const(Tensor.ofFloats(cs, mul)), node.name() + "/scale");
        Value result = cx.out().binary("Add", scaled, new Const(Tensor.ofFloats(cs, add)), node.name());
        return new Value[] {result, null, null, null, null, null};
    }
}
