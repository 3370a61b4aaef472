package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.ControlFlowOps.nodeName;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.LoopFrame.Variable;
import dev.lookout.convert.ops.Value.ArrayRef;
import dev.lookout.convert.ops.Value.Const;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.convert.ops.Value.Stacked;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.OnnxGraph;
import dev.lookout.onnx.OnnxGraph.Attribute;
import dev.lookout.onnx.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A TF1 while loop (Enter, Merge, Switch, LoopCond, NextIteration, Exit, as TF.js executes them) as one ONNX
 * {@code Loop} whose trip count is whatever the predicate says at run time. ONNX checks the condition before each
 * iteration from the value the body returned, so the predicate is converted twice: on the initial values (outside,
 * the Loop's first condition) and on the body's next values (inside). Values from outside the loop (invariant
 * Enters, constants) are read by the body from the outer scope. Loop variables:
 * <ul>
 *   <li>a tensor is carried, and must keep its type and shape (TF's default shape invariant);</li>
 *   <li>a TensorList the body passes on unchanged (a {@code map_fn}'s input list) is read from outside;</li>
 *   <li>a TensorList the body writes with SetItem at the loop counter (0, 1, 2, ...) is a scan output: ONNX
 *       stacks what each iteration wrote (a {@code map_fn}'s result).</li>
 * </ul>
 * A loop whose lists all have a length known now ({@code map_fn} over a batch of one) is unrolled by
 * {@link ControlFlowOps} instead, as before.
 */
final class WhileLoopOps {

    private WhileLoopOps() {
    }

    /** Exit: the Loop's output for a tensor or a list of run-time length, else (a known list, a flow) its input. */
    static Value[] exit(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        Value known = cx.loopExits().get(node.name());
        if (known != null) {
            return OpContext.one(known);
        }
        Value v = cx.in(node, 0);
        boolean unrolled = v instanceof Value.Flow || v instanceof ArrayRef a && a.size >= 0;
        if (unrolled) {
            return OpContext.one(v);
        }
        build(LoopFrame.of(node, cx.model()), cx);
        return OpContext.one(cx.loopExits().get(node.name()));
    }

    private static void build(LoopFrame f, OpContext cx) throws ConversionException {
        Emitter out = cx.out();
        List<Variable> carried = new ArrayList<>();
        List<Variable> written = new ArrayList<>();
        List<Dyn> starts = new ArrayList<>();
        Map<String, Value[]> fixed = new HashMap<>(); // bindings every conversion of the frame shares
        for (Variable v : f.variables) {
            Value start = cx.in(v.enter(), 0);
            if (start instanceof Dyn || start instanceof Const) {
                carried.add(v);
                starts.add(out.logical(start, v.merge().name() + "/initial"));
            } else if (v == f.inBody(v.next().inputs().get(0))) {
                bind(fixed, v, start); // passed on unchanged: read from outside
            } else if (start instanceof ArrayRef a && a.elements.isEmpty() && writesAtCounter(f, v, cx)) {
                written.add(v);
                bind(fixed, v, start);
            } else {
                throw new ConversionException("loop variable " + v.merge().name() + " of the while loop " + f.name
                        + " is a TensorArray or TensorList that the loop changes other than by one SetItem at the"
                        + " loop counter per iteration; the converter cannot make it an ONNX Loop");
            }
        }
        Set<String> predicateNodes = f.members(List.of(f.predicate));
        Map<String, Value[]> initial = new HashMap<>(fixed);
        for (int k = 0; k < carried.size(); k++) {
            bind(initial, carried.get(k), starts.get(k));
        }
        Value first = cx.frame(out, initial, predicateNodes).value(f.predicate);
        String firstCond = scalarBool(out.logical(first, f.name + "/cond0"), f.name + "/first_cond", out);

        OnnxGraph body = new OnnxGraph(f.name.isEmpty() ? "while_body" : f.name);
        Emitter in = new Emitter(body);
        out.graph.inputs().forEach(i -> in.reserve(i.name())); // no name of the outer scope is defined again
        out.graph.initializers().keySet().forEach(in::reserve);
        out.graph.nodes().forEach(n -> n.outputs.forEach(in::reserve));
        body.addInput(new OnnxGraph.ValueInfo(in.unique(f.name + "/iteration"), DataType.INT64, new long[0], null));
        body.addInput(new OnnxGraph.ValueInfo(in.unique(f.name + "/cond_in"), DataType.BOOL, new long[0], null));
        Map<String, Value[]> current = new HashMap<>(fixed);
        for (int k = 0; k < carried.size(); k++) {
            Dyn s = starts.get(k);
            String name = in.unique(carried.get(k).merge().name() + "/in");
            body.addInput(new OnnxGraph.ValueInfo(name, s.type(), null, null));
            bind(current, carried.get(k), new Dyn(name, s.type(), s.shape(), null));
        }
        List<String> roots = new ArrayList<>();
        carried.forEach(v -> roots.add(v.next().inputs().get(0)));
        written.forEach(v -> roots.add(setItem(f, v).inputs().get(2)));
        OpContext step = cx.frame(in, current, f.members(roots));
        Map<String, Value[]> nextValues = new HashMap<>(fixed);
        List<Dyn> results = new ArrayList<>();
        for (int k = 0; k < carried.size(); k++) {
            Variable v = carried.get(k);
            Dyn next = in.logical(step.value(v.next().inputs().get(0)), v.next().name());
            Dyn s = starts.get(k);
            if (next.type() != s.type() || !compatible(next.shape(), s.shape())) {
                throw new ConversionException("loop variable " + v.merge().name() + " of the while loop " + f.name
                        + " changes from " + s.type() + " " + Arrays.toString(s.shape()) + " to " + next.type() + " "
                        + Arrays.toString(next.shape()) + "; an ONNX Loop needs each variable to keep its type and"
                        + " shape");
            }
            results.add(next);
            bind(nextValues, v, next);
        }
        for (Variable v : written) {
            results.add(in.logical(step.value(setItem(f, v).inputs().get(2)), v.next().name()));
        }
        Value again = cx.frame(in, nextValues, predicateNodes).value(f.predicate);
        String condOut = scalarBool(in.logical(again, f.name + "/cond"), f.name + "/cond_out", in);
        body.addOutput(new OnnxGraph.ValueInfo(in.node("Identity", f.name + "/cond_out", List.of(condOut)),
                DataType.BOOL, new long[0], null));
        List<Variable> outputsOf = new ArrayList<>(carried);
        outputsOf.addAll(written);
        for (int k = 0; k < results.size(); k++) {
            String o = in.node("Identity", outputsOf.get(k).next().name() + "/out", List.of(results.get(k).name()));
            body.addOutput(new OnnxGraph.ValueInfo(o, results.get(k).type(), null, null));
        }
        reserveBodyNames(body, out);

        List<String> inputs = new ArrayList<>(List.of("", firstCond));
        starts.forEach(s -> inputs.add(s.name()));
        List<String> outputs = new ArrayList<>();
        for (Variable v : outputsOf) {
            outputs.add(out.unique(v.exit() != null ? v.exit().name() : v.merge().name() + "/final"));
        }
        out.graph.addNode("Loop", out.unique(f.name.isEmpty() ? "while" : f.name), inputs, outputs,
                new Attribute("body", body));
        for (int k = 0; k < outputsOf.size(); k++) {
            Variable v = outputsOf.get(k);
            Dyn r = results.get(k);
            Value exit = k < carried.size() ? new Dyn(outputs.get(k), r.type(), starts.get(k).shape(), null)
                    : new Stacked(new Dyn(outputs.get(k), r.type(), prepend(-1, r.shape()), null));
            if (v.exit() != null) {
                cx.loopExits().put(v.exit().name(), exit);
            }
        }
        for (Variable v : f.variables) {
            if (v.exit() != null && !cx.loopExits().containsKey(v.exit().name())) {
                cx.loopExits().put(v.exit().name(), cx.in(v.enter(), 0)); // passed on unchanged
            }
        }
    }

    /** The SetItem that makes a written list's next value. */
    private static TfNode setItem(LoopFrame f, Variable v) {
        return f.model.node(nodeName(f.follow(v.next().inputs().get(0))));
    }

    /**
     * True if the list's next value is a SetItem into itself at the loop counter: a variable that starts at 0 and
     * whose next value is itself plus 1, so that iteration k writes element k.
     */
    private static boolean writesAtCounter(LoopFrame f, Variable list, OpContext cx) throws ConversionException {
        TfNode set = setItem(f, list);
        if (set == null || !set.op().equals("TensorListSetItem") || set.inputs().size() < 3
                || f.inBody(set.inputs().get(0)) != list) {
            return false;
        }
        Variable counter = f.inBody(set.inputs().get(1));
        if (counter == null || !isScalar(cx.in(counter.enter(), 0), 0)) {
            return false;
        }
        TfNode add = f.model.node(nodeName(f.follow(counter.next().inputs().get(0))));
        if (add == null || !(add.op().equals("AddV2") || add.op().equals("Add")) || add.inputs().size() != 2) {
            return false;
        }
        for (int i = 0; i < 2; i++) {
            if (f.inBody(add.inputs().get(i)) == counter && isScalar(cx.value(add.inputs().get(1 - i)), 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isScalar(Value v, long value) {
        return v instanceof Const c && c.tensor().size() == 1 && c.tensor().longs()[0] == value;
    }

    /** Inside the body a variable's Merge and Switch (both outputs) give {@code value}. */
    private static void bind(Map<String, Value[]> bound, Variable v, Value value) {
        bound.put(v.merge().name(), new Value[] {value, new Const(Tensor.ofInts(new long[0], 0))});
        bound.put(v.sw().name(), new Value[] {value, value});
    }

    private static long[] prepend(long first, long[] shape) {
        long[] s = new long[shape.length + 1];
        s[0] = first;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }

    private static boolean compatible(long[] a, long[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] >= 0 && b[i] >= 0 && a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /** ONNX Loop wants its condition as a bool scalar. */
    private static String scalarBool(Dyn v, String base, Emitter out) {
        Dyn b = out.cast(v, DataType.BOOL, base + "/bool");
        return v.rank() == 0 ? b.name() : out.node("Reshape", base, List.of(b.name(), out.vec(new long[0],
                base + "/scalar")));
    }

    /** The outer graph must not later define a name the body defines (ONNX forbids shadowing). */
    private static void reserveBodyNames(OnnxGraph body, Emitter outer) {
        body.inputs().forEach(i -> outer.reserve(i.name()));
        body.initializers().keySet().forEach(outer::reserve);
        body.nodes().forEach(n -> n.outputs.forEach(outer::reserve));
    }
}
