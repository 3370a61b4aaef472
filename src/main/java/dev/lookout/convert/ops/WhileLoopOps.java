package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.ControlFlowOps.nodeName;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.Const;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.OnnxGraph;
import dev.lookout.onnx.OnnxGraph.Attribute;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A TF1 while loop (Enter, Merge, Switch, LoopCond, NextIteration, Exit, as TF.js executes them) whose loop
 * variables are tensors, as one ONNX {@code Loop}: its trip count is whatever the predicate says at run time.
 * ONNX checks the condition before each iteration from the value the body returned, so the predicate is converted
 * twice: on the initial values (outside, the Loop's first condition) and on the body's next values (inside). Values
 * from outside the loop (invariant Enters, constants) are read by the body from the outer scope. A loop variable
 * must keep its shape (TF's default shape invariant). Loops that carry a TensorArray or TensorList are the
 * {@code map_fn} loops that {@link ControlFlowOps} unrolls.
 */
final class WhileLoopOps {

    /** One loop variable: its Enter, Merge, Switch, NextIteration and (if used) Exit. */
    private record Variable(TfNode enter, TfNode merge, TfNode next, TfNode exit) {
    }

    private WhileLoopOps() {
    }

    /** Exit: the Loop's output for a tensor variable, else (a list handle or flow) its input as before. */
    static Value[] exit(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        Value known = cx.loopExits().get(node.name());
        if (known != null) {
            return OpContext.one(known);
        }
        Value v = cx.in(node, 0);
        if (!(v instanceof Dyn) && !(v instanceof Const)) {
            return OpContext.one(v);
        }
        build(node, cx);
        return OpContext.one(cx.loopExits().get(node.name()));
    }

    private static void build(TfNode exit, OpContext cx) throws ConversionException {
        TfNode sw = cx.model().node(nodeName(exit.inputs().get(0)));
        TfNode merge = sw == null || !sw.op().equals("Switch") ? null : cx.model().node(nodeName(sw.inputs().get(0)));
        TfNode enter = merge == null ? null : enterOf(merge, cx);
        if (enter == null || sw.inputs().size() < 2) {
            throw new ConversionException("Exit node " + exit.name() + " does not end a while loop (Switch, Merge,"
                    + " Enter)");
        }
        String frame = enter.stringAttr("frame_name", "");
        TfNode cond = cx.model().node(nodeName(sw.inputs().get(1)));
        String predicate = cond.inputs().get(0);
        List<Variable> vars = variables(frame, cx);
        Map<String, Value[]> initial = new HashMap<>();
        List<Dyn> starts = new ArrayList<>();
        Emitter out = cx.out();
        for (Variable v : vars) {
            Value start = cx.in(v.enter(), 0);
            if (!(start instanceof Dyn) && !(start instanceof Const)) {
                throw new ConversionException("the while loop " + frame + " (node " + v.merge().name() + ") carries a"
                        + " TensorArray or TensorList together with tensors computed in the loop; the converter"
                        + " builds an ONNX Loop for tensor variables only");
            }
            Dyn d = out.logical(start, v.merge().name() + "/initial");
            starts.add(d);
            bind(initial, v, d, cx);
        }
        Set<String> predicateNodes = members(List.of(predicate), vars, cx);
        Value first = cx.frame(out, initial, predicateNodes).value(predicate);
        String firstCond = scalarBool(out.logical(first, frame + "/cond0"), frame + "/first_cond", out);

        OnnxGraph body = new OnnxGraph(frame.isEmpty() ? "while_body" : frame);
        Emitter in = new Emitter(body);
        out.graph.inputs().forEach(i -> in.reserve(i.name())); // no name of the outer scope is defined again
        out.graph.initializers().keySet().forEach(in::reserve);
        out.graph.nodes().forEach(n -> n.outputs.forEach(in::reserve));
        body.addInput(new OnnxGraph.ValueInfo(in.unique(frame + "/iteration"), DataType.INT64, new long[0], null));
        body.addInput(new OnnxGraph.ValueInfo(in.unique(frame + "/cond_in"), DataType.BOOL, new long[0], null));
        Map<String, Value[]> current = new HashMap<>();
        for (int k = 0; k < vars.size(); k++) {
            Dyn s = starts.get(k);
            String name = in.unique(vars.get(k).merge().name() + "/in");
            body.addInput(new OnnxGraph.ValueInfo(name, s.type(), null, null));
            bind(current, vars.get(k), new Dyn(name, s.type(), s.shape(), null), cx);
        }
        List<String> roots = new ArrayList<>();
        vars.forEach(v -> roots.add(v.next().inputs().get(0)));
        OpContext step = cx.frame(in, current, members(roots, vars, cx));
        Map<String, Value[]> nextValues = new HashMap<>();
        List<Dyn> nexts = new ArrayList<>();
        for (int k = 0; k < vars.size(); k++) {
            Variable v = vars.get(k);
            Dyn next = in.logical(step.value(v.next().inputs().get(0)), v.next().name());
            if (next.type() != starts.get(k).type() || !compatible(next.shape(), starts.get(k).shape())) {
                throw new ConversionException("loop variable " + v.merge().name() + " of the while loop " + frame
                        + " changes from " + starts.get(k).type() + " " + Arrays.toString(starts.get(k).shape())
                        + " to " + next.type() + " " + Arrays.toString(next.shape())
                        + "; an ONNX Loop needs each variable to keep its type and shape");
            }
            nexts.add(next);
            bind(nextValues, v, next, cx);
        }
        Value again = cx.frame(in, nextValues, predicateNodes).value(predicate);
        String condOut = scalarBool(in.logical(again, frame + "/cond"), frame + "/cond_out", in);
        body.addOutput(new OnnxGraph.ValueInfo(in.node("Identity", frame + "/cond_out", List.of(condOut)),
                DataType.BOOL, new long[0], null));
        for (int k = 0; k < vars.size(); k++) {
            String o = in.node("Identity", vars.get(k).next().name() + "/out", List.of(nexts.get(k).name()));
            body.addOutput(new OnnxGraph.ValueInfo(o, nexts.get(k).type(), null, null));
        }
        reserveBodyNames(body, out);

        List<String> inputs = new ArrayList<>(List.of("", firstCond));
        List<String> outputs = new ArrayList<>();
        starts.forEach(s -> inputs.add(s.name()));
        for (Variable v : vars) {
            outputs.add(out.unique(v.exit() != null ? v.exit().name() : v.merge().name() + "/final"));
        }
        out.graph.addNode("Loop", out.unique(frame.isEmpty() ? "while" : frame), inputs, outputs,
                new Attribute("body", body));
        for (int k = 0; k < vars.size(); k++) {
            if (vars.get(k).exit() != null) {
                cx.loopExits().put(vars.get(k).exit().name(), new Dyn(outputs.get(k), starts.get(k).type(),
                        starts.get(k).shape(), null));
            }
        }
    }

    /** The loop's variables: every Merge whose entry is an Enter of {@code frame}, in graph order. */
    private static List<Variable> variables(String frame, OpContext cx) throws ConversionException {
        List<Variable> vars = new ArrayList<>();
        for (TfNode merge : cx.model().nodes()) {
            TfNode enter = merge.op().equals("Merge") ? enterOf(merge, cx) : null;
            if (enter == null || !enter.stringAttr("frame_name", "").equals(frame)) {
                continue;
            }
            TfNode next = null;
            for (String in : merge.inputs()) {
                TfNode p = cx.model().node(nodeName(in));
                next = p != null && p.op().equals("NextIteration") ? p : next;
            }
            TfNode sw = consumer(merge.name(), "Switch", cx);
            if (next == null || sw == null) {
                throw new ConversionException("Merge node " + merge.name() + " of the while loop " + frame
                        + " has no NextIteration input or no Switch");
            }
            vars.add(new Variable(enter, merge, next, consumer(sw.name(), "Exit", cx)));
        }
        return vars;
    }

    private static TfNode enterOf(TfNode merge, OpContext cx) {
        for (String in : merge.inputs()) {
            TfNode p = cx.model().node(nodeName(in));
            if (p != null && p.op().equals("Enter")) {
                return p;
            }
        }
        return null;
    }

    /** The first node of type {@code op} whose first input is {@code name}'s output 0. */
    private static TfNode consumer(String name, String op, OpContext cx) {
        for (TfNode n : cx.model().nodes()) {
            if (n.op().equals(op) && !n.inputs().isEmpty() && n.inputs().get(0).equals(name)
                    || n.op().equals(op) && !n.inputs().isEmpty() && n.inputs().get(0).equals(name + ":0")) {
                return n;
            }
        }
        return null;
    }

    /** A variable's Merge and Switch both give {@code value} inside the body. */
    private static void bind(Map<String, Value[]> bound, Variable v, Dyn value, OpContext cx) throws ConversionException {
        bound.put(v.merge().name(), new Value[] {value, new Const(dev.lookout.onnx.Tensor.ofInts(new long[0], 0))});
        TfNode sw = consumer(v.merge().name(), "Switch", cx);
        bound.put(sw.name(), new Value[] {value, value});
    }

    /** The nodes computed in each iteration: those {@code roots} depend on, up to the variables and the Enters. */
    private static Set<String> members(List<String> roots, List<Variable> vars, OpContext cx) {
        Set<String> stop = new HashSet<>();
        for (Variable v : vars) {
            stop.add(v.merge().name());
            stop.add(consumer(v.merge().name(), "Switch", cx).name());
        }
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>();
        roots.forEach(r -> todo.add(nodeName(r)));
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            TfNode n = cx.model().node(name);
            if (n == null || stop.contains(name) || n.op().equals("Enter") || !seen.add(name)) {
                continue;
            }
            n.inputs().forEach(i -> todo.add(nodeName(i)));
        }
        return seen;
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
