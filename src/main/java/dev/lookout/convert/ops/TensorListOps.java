package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.ControlFlowOps.arrayIn;
import static dev.lookout.convert.ops.ControlFlowOps.constOf;
import static dev.lookout.convert.ops.ControlFlowOps.nodeName;
import static dev.lookout.convert.ops.OpContext.one;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.ArrayRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * TF2's TensorList ops in the while-loop of a {@code map_fn} over a batch of one (as {@link ControlFlowOps} unrolls
 * it): a list is a conversion-time {@link ArrayRef}; SetItem writes into the list its handle comes from (through
 * the loop's Switch/Merge/Enter), and reading or stacking a list first converts every SetItem into it.
 */
final class TensorListOps {

    private static final Set<String> HANDLE_PASSING = Set.of("Enter", "Identity", "Switch", "Exit", "Merge");

    private TensorListOps() {
    }

    static void register(OpRegistry r) {
        r.structural((node, x, cx) -> {
            long size = constOf(node, cx.in(node, 1)).longs()[0];
            if (size < 0) {
                throw new ConversionException("node " + node.name() + " (TensorListReserve) has no fixed size");
            }
            return one(new ArrayRef(node.name(), (int) size));
        }, "TensorListReserve");
        r.structural((node, x, cx) -> {
            Value source = cx.in(node, 0);
            long n = Shapes.shapeOf(source)[0];
            if (n < 0) {
                throw new ConversionException("node " + node.name() + " (TensorListFromTensor) splits a tensor of"
                        + " unknown length; only a known batch can be unrolled");
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
            ArrayRef list = arrayIn(node, 0, cx);
            runWriters(list, cx);
            int index = (int) constOf(node, cx.in(node, 1)).longs()[0];
            Value v = list.elements.get(index);
            if (v == null) {
                throw new ConversionException("TensorList " + list.node + " has no element " + index + " when "
                        + node.name() + " reads it");
            }
            return one(v);
        }, "TensorListGetItem");
        r.structural(TensorListOps::stack, "TensorListStack");
        r.structural((node, x, cx) -> one(new Value.Const(dev.lookout.onnx.Tensor.ofInts(new long[0],
                arrayIn(node, 0, cx).size))), "TensorListLength");
    }

    private static Value[] stack(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        ArrayRef list = arrayIn(node, 0, cx);
        runWriters(list, cx);
        Emitter out = cx.out();
        List<Value> parts = new ArrayList<>();
        for (int i = 0; i < list.size; i++) {
            Value v = list.elements.get(i);
            if (v == null) {
                throw new ConversionException("TensorList " + list.node + " has no element " + i + " when "
                        + node.name() + " stacks it");
            }
            parts.add(out.unsqueeze(out.dyn(v, node.name()), 0, node.name()));
        }
        if (parts.isEmpty()) {
            throw new ConversionException("node " + node.name() + " stacks an empty TensorList");
        }
        return one(parts.size() == 1 ? parts.get(0) : out.concat(parts, 0, node.name()));
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
