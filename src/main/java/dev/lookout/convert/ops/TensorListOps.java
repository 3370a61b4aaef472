package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.ControlFlowOps.arrayIn;
import static dev.lookout.convert.ops.ControlFlowOps.constOf;
import static dev.lookout.convert.ops.ControlFlowOps.nodeName;
import static dev.lookout.convert.ops.OpContext.one;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.ArrayRef;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.convert.ops.Value.Stacked;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.OnnxGraph.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * TF2's TensorList ops. In the while-loop of a {@code map_fn} over a batch of one (as {@link ControlFlowOps} unrolls
 * it) a list is a conversion-time {@link ArrayRef}; SetItem writes into the list its handle comes from (through
 * the loop's Switch/Merge/Enter), and reading or stacking a list first converts every SetItem into it. A list of a
 * length known only at run time is {@link Stacked} (read by index with Gather) or is written by an ONNX Loop
 * ({@link WhileLoopOps}).
 */
final class TensorListOps {

    private static final Set<String> HANDLE_PASSING = Set.of("Enter", "Identity", "Switch", "Exit", "Merge");

    private TensorListOps() {
    }

    static void register(OpRegistry r) {
        r.structural((node, x, cx) -> {
            Value count = cx.in(node, 1);
            long size = count instanceof Value.Const c ? c.tensor().longs()[0] : -1;
            return one(new ArrayRef(node.name(), (int) size)); // -1: only an ONNX Loop can write it
        }, "TensorListReserve");
        r.structural((node, x, cx) -> {
            Value source = cx.in(node, 0);
            long n = Shapes.shapeOf(source)[0];
            if (n < 0) {
                return one(new Stacked(cx.out().logical(source, node.name()))); // read by an ONNX Loop
            }
            ArrayRef list = new ArrayRef(node.name(), (int) n);
            for (int j = 0; j < n; j++) {
                list.elements.put(j, ControlFlowOps.element(source, j, node.name(), cx.out()));
            }
            return one(list);
        }, "TensorListFromTensor");
        r.structural((node, x, cx) -> {
            ArrayRef list = arrayIn(node, 0, cx);
            list.elements.put((int) constOf(node, cx.in(node, 1)).longs()[0], cx.in(node, 2));
            return one(list);
        }, "TensorListSetItem");
        r.structural((node, x, cx) -> {
            Value handle = cx.in(node, 0);
            Value at = cx.in(node, 1);
            if (handle instanceof Stacked || !(at instanceof Value.Const)) {
                Dyn list = cx.out().logical(stacked(node, handle, "reads at a run-time index", cx), node.name());
                return one(item(node, list, at, cx.out()));
            }
            ArrayRef list = arrayIn(node, 0, cx);
            runWriters(list, cx);
            int index = (int) constOf(node, at).longs()[0];
            Value v = list.elements.get(index);
            if (v == null) {
                throw new ConversionException("TensorList " + list.node + " has no element " + index + " when "
                        + node.name() + " reads it");
            }
            return one(v);
        }, "TensorListGetItem");
        r.structural(TensorListOps::stack, "TensorListStack");
        r.structural((node, x, cx) -> {
            if (cx.in(node, 0) instanceof Stacked st) {
                Emitter out = cx.out();
                String shape = out.node("Shape", node.name() + "/shape", List.of(st.tensor().name()),
                        new Attribute("end", 1L));
                String length = out.node("Squeeze", node.name() + "/length", List.of(shape));
                return one(out.cast(new Dyn(length, DataType.INT64, new long[0], null), DataType.INT32,
                        node.name()));
            }
            return one(new Value.Const(dev.lookout.onnx.Tensor.ofInts(new long[0], arrayIn(node, 0, cx).size)));
        }, "TensorListLength");
    }

    private static Value[] stack(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        return one(stacked(node, cx.in(node, 0), "stacks", cx));
    }

    /** The list as one stacked tensor: itself, or its elements (all written, known now) stacked. */
    private static Value stacked(TfNode node, Value handle, String verb, OpContext cx) throws ConversionException {
        if (handle instanceof Stacked st) {
            return st.tensor();
        }
        ArrayRef list = arrayIn(node, 0, cx);
        runWriters(list, cx);
        Emitter out = cx.out();
        List<Value> parts = new ArrayList<>();
        for (int i = 0; i < list.size; i++) {
            Value v = list.elements.get(i);
            if (v == null) {
                throw new ConversionException("TensorList " + list.node + " has no element " + i + " when "
                        + node.name() + " " + verb + " it");
            }
            parts.add(out.unsqueeze(out.dyn(v, node.name()), 0, node.name()));
        }
        if (parts.isEmpty()) {
            throw new ConversionException("node " + node.name() + " " + verb + " an empty TensorList");
        }
        return parts.size() == 1 ? parts.get(0) : out.concat(parts, 0, node.name());
    }

    /** Element {@code index} (computed at run time) of a stacked list. */
    private static Dyn item(TfNode node, Dyn list, Value index, Emitter out) {
        Dyn i = out.logical(index, node.name());
        String o = out.node("Gather", node.name(), List.of(list.name(), i.name()), new Attribute("axis", 0L));
        return new Dyn(o, list.type(), java.util.Arrays.copyOfRange(list.shape(), 1, list.rank()), null);
    }

    /** Converts every TensorListSetItem whose handle comes from {@code list}. */
    private static void runWriters(ArrayRef list, OpContext cx) throws ConversionException {
        for (TfNode writer : cx.model().nodes()) {
            if (writer.op().equals("TensorListSetItem") && !writer.inputs().isEmpty()
                    && sourceOf(writer.inputs().get(0), cx).equals(list.node)) {
                cx.convertNode(writer.name());
            }
        }
    }

    /** Follows a handle back through the loop's Enter/Switch/Merge/Exit/Identity to the node that made it. */
    private static String sourceOf(String ref, OpContext cx) {
        String name = nodeName(ref);
        TfNode n = cx.model().node(name);
        while (n != null && HANDLE_PASSING.contains(n.op()) && !n.inputs().isEmpty()) {
            String next = n.inputs().get(0);
            if (n.op().equals("Merge")) {
                for (String in : n.inputs()) {
                    TfNode p = cx.model().node(nodeName(in));
                    if (p != null && !p.op().equals("NextIteration")) {
                        next = in;
                        break;
                    }
                }
            }
            name = nodeName(next);
            n = cx.model().node(name);
        }
        return name;
    }
}
