package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.constIn;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.OnnxGraph.Attribute;
import java.util.List;

/** TF.js's evaluation family: TopKV2 (largest first; equal values keep the lower index first, as in TF.js). */
final class EvaluationOps {

    private EvaluationOps() {
    }

    static void register(OpRegistry r) {
        r.add(EvaluationOps::topK, "TopKV2");
    }

    private static Value[] topK(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        Emitter out = cx.out();
        String n = node.name();
        Dyn v = out.logical(x.get(0), n);
        long k;
        String kName;
        if (x.get(1) instanceof Value.Const) {
            k = constIn(node, x, 1).longs()[0];
            kName = out.vec(new long[] {k}, n + "/k");
        } else {
            k = -1; // computed at run time, e.g. min(size, max_boxes)
            Dyn k64 = out.cast(out.logical(x.get(1), n), DataType.INT64, n + "/k64");
            kName = out.node("Reshape", n + "/k", List.of(k64.name(), out.vec(new long[] {1}, n + "/one")));
        }
        String values = out.unique(n);
        String indices = out.unique(n + "/indices");
        out.graph.addNode("TopK", out.unique(n + "/TopK"), List.of(v.name(), kName),
                List.of(values, indices), new Attribute("axis", -1L), new Attribute("largest", 1L),
                new Attribute("sorted", 1L));
        long[] shape = v.shape().clone();
        shape[shape.length - 1] = k;
        String asInt = out.node("Cast", n + ":1", List.of(indices), new Attribute("to",
                (long) DataType.INT32.onnxCode()));
        return new Value[] {new Dyn(values, v.type(), shape, null), new Dyn(asInt, DataType.INT32, shape, null)};
    }
}
