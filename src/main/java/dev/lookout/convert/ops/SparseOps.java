package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.one;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.Const;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.OnnxGraph.Attribute;
import java.util.Arrays;
import java.util.List;

/**
 * SparseToDense (in TF.js's slice-join family) as ONNX ScatterND into the default value expanded to the output
 * shape. Like TF.js, {@code validate_indices} is not honoured (TF.js ignores it): indices need not be sorted (a repeated
 * index, where TF.js keeps the last value, is left undefined by ONNX). The default value takes the values' type.
 */
final class SparseOps {

    private SparseOps() {
    }

    static void register(OpRegistry r) {
        r.add(SparseOps::sparseToDense, "SparseToDense");
    }

    private static Value[] sparseToDense(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        Emitter out = cx.out();
        String n = node.name();
        long[] shapeOfShape = Shapes.shapeOf(x.get(1));
        if (shapeOfShape.length > 1 || shapeOfShape.length == 1 && shapeOfShape[0] < 0) {
            throw new ConversionException("node " + n + " (SparseToDense) needs an output_shape vector of known"
                    + " length");
        }
        int rank = shapeOfShape.length == 0 ? 1 : (int) shapeOfShape[0];
        Dyn values = out.logical(x.get(2), n);
        Dyn fill = out.cast(out.logical(x.get(3), n), values.type(), n + "/default");
        String scalarFill = out.node("Reshape", n + "/default_scalar", List.of(fill.name(),
                out.vec(new long[0], n + "/scalar")));
        long[] shape = new long[rank];
        String target;
        if (x.get(1) instanceof Const c) {
            shape = c.tensor().reshape(rank).longs();
            target = out.vec(shape, n + "/shape");
        } else {
            Arrays.fill(shape, -1);
            Dyn wideShape = out.cast(out.logical(x.get(1), n), DataType.INT64, n + "/shape64");
            target = out.node("Reshape", n + "/shape_vector", List.of(wideShape.name(),
                    out.vec(new long[] {rank}, n + "/rank")));
        }
        String dense = out.node("Expand", n + "/dense", List.of(scalarFill, target));
        Dyn wide = out.cast(out.logical(x.get(0), n), DataType.INT64, n + "/indices64");
        String indices = out.node("Reshape", n + "/indices", List.of(wide.name(),
                out.vec(new long[] {-1, rank}, n + "/index_shape")));
        String count = out.node("Shape", n + "/count", List.of(indices), new Attribute("end", 1L));
        String updates = out.node("Expand", n + "/updates", List.of(values.name(), count));
        String o = out.node("ScatterND", n, List.of(dense, indices, updates));
        return one(new Dyn(o, values.type(), shape, null));
    }
}
