package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.one;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.ArrayRef;
import dev.lookout.convert.ops.Value.Const;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.convert.ops.Value.Flow;
import dev.lookout.onnx.OnnxGraph.Attribute;
import dev.lookout.onnx.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * TF.js's control family. A while loop whose variables are tensors becomes an ONNX Loop ({@link WhileLoopOps});
 * the while-loop of a {@code map_fn} over a batch of one (TensorArrays) runs exactly once, so it is unrolled at
 * conversion time. TensorArrays become lists of values known now and the loop body is applied
 * to element 0; the loop's predicate is never evaluated.
 */
final class ControlFlowOps {

    private ControlFlowOps() {
    }

    static void register(OpRegistry r) {
        r.structural(GraphOps::passThrough, "Enter", "LoopCond");
        r.structural(WhileLoopOps::exit, "Exit");
        r.structural((node, x, cx) -> {
            throw new ConversionException("node " + node.name() + " (NextIteration) is a loop's back edge; only"
                    + " loops that run once over a known batch can be converted");
        }, "NextIteration");
        r.structural((node, x, cx) -> {
            Value v = cx.in(node, 0); // the predicate is not evaluated: the loop runs exactly once
            return new Value[] {v, v};
        }, "Switch");
        r.structural(ControlFlowOps::merge, "Merge");
        r.structural((node, x, cx) -> {
            Tensor size = constOf(node, cx.in(node, 0));
            return new Value[] {new ArrayRef(node.name(), (int) size.longs()[0]), Flow.TOKEN};
        }, "TensorArrayV3");
        r.structural(ControlFlowOps::scatter, "TensorArrayScatterV3");
        r.structural((node, x, cx) -> {
            ArrayRef array = arrayIn(node, 0, cx);
            int index = (int) constOf(node, cx.in(node, 1)).longs()[0];
            array.elements.put(index, cx.in(node, 2));
            return one(Flow.TOKEN);
        }, "TensorArrayWriteV3");
        r.structural(ControlFlowOps::read, "TensorArrayReadV3");
        r.structural((node, x, cx) -> one(new Const(Tensor.ofInts(new long[0], arrayIn(node, 0, cx).size))),
                "TensorArraySizeV3");
        r.structural(ControlFlowOps::gather, "TensorArrayGatherV3");
        TensorListOps.register(r);
    }

    private static Value[] merge(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        for (String ref : node.inputs()) {
            TfNode producer = cx.model().node(nodeName(ref));
            if (producer != null && !producer.op().equals("NextIteration")) {
                return new Value[] {cx.value(ref), new Const(Tensor.ofInts(new long[0], 0))};
            }
        }
        throw new ConversionException("Merge node " + node.name() + " has no loop-entry input");
    }

    private static Value[] scatter(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        ArrayRef array = arrayIn(node, 0, cx);
        long[] indices = constOf(node, cx.in(node, 1)).longs();
        Value source = cx.in(node, 2);
        for (int j = 0; j < indices.length; j++) {
            array.elements.put((int) indices[j], element(source, j, node.name(), cx.out()));
        }
        return one(Flow.TOKEN);
    }

    private static Value[] read(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        ArrayRef array = arrayIn(node, 0, cx);
        runWriters(array, cx);
        int index = (int) constOf(node, cx.in(node, 1)).longs()[0];
        Value v = array.elements.get(index);
        if (v == null) {
            throw new ConversionException("TensorArray " + array.node + " has no element " + index
                    + " when " + node.name() + " reads it");
        }
        return one(v);
    }

    private static Value[] gather(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        ArrayRef array = arrayIn(node, 0, cx);
        runWriters(array, cx);
        long[] indices = constOf(node, cx.in(node, 1)).longs();
        List<Value> parts = new ArrayList<>();
        Emitter out = cx.out();
        for (long index : indices) {
            Value v = array.elements.get((int) index);
            if (v == null) {
                throw new ConversionException("TensorArray " + array.node + " has no element " + index);
            }
            parts.add(out.unsqueeze(out.dyn(v, node.name()), 0, node.name()));
        }
        return one(parts.size() == 1 ? parts.get(0) : out.concat(parts, 0, node.name()));
    }

    static ArrayRef arrayIn(TfNode node, int i, OpContext cx) throws ConversionException {
        if (cx.in(node, i) instanceof ArrayRef a) {
            return a;
        }
        throw new ConversionException("node " + node.name() + " expects a TensorArray handle");
    }

    static Tensor constOf(TfNode node, Value v) throws ConversionException {
        if (v instanceof Const c) {
            return c.tensor();
        }
        throw new ConversionException("node " + node.name() + " (" + node.op() + ") needs a constant index or size;"
                + " only map_fn loops over a known batch can be converted");
    }

    /** Converts every node that writes into {@code array}, so that reads see its elements. */
    private static void runWriters(ArrayRef array, OpContext cx) throws ConversionException {
        for (TfNode writer : cx.model().nodes()) {
            if ((writer.op().equals("TensorArrayWriteV3") || writer.op().equals("TensorArrayScatterV3"))
                    && !writer.inputs().isEmpty() && sourceOf(writer.inputs().get(0), cx).equals(array.node)) {
                cx.convertNode(writer.name());
            }
        }
    }

    /** Follows Enter/Identity nodes back to the node that produced a handle. */
    private static String sourceOf(String ref, OpContext cx) {
        String name = nodeName(ref);
        TfNode n = cx.model().node(name);
        while (n != null && (n.op().equals("Enter") || n.op().equals("Identity")) && !n.inputs().isEmpty()) {
            name = nodeName(n.inputs().get(0));
            n = cx.model().node(name);
        }
        return name;
    }

    static String nodeName(String ref) {
        return ref.contains(":") ? ref.substring(0, ref.lastIndexOf(':')) : ref;
    }

    /** Element {@code j} of {@code source} along its first axis. */
    static Value element(Value source, int j, String base, Emitter out) {
        if (source instanceof Dyn d && d.rank() > 0 && d.shape()[0] == 1 && j == 0) {
            return out.squeeze(d, new long[] {0}, base + "/element");
        }
        Dyn d = out.logical(source, base);
        String idx = out.constant(Tensor.ofLongs(new long[0], j), base + "/index");
        String o = out.node("Gather", base + "/element", List.of(d.name(), idx), new Attribute("axis", 0L));
        return new Dyn(o, d.type(), Arrays.copyOfRange(d.shape(), 1, d.rank()), null);
    }
}
