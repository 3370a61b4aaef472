package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.ControlFlowOps.nodeName;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.TfjsModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The structure of one TF1 while loop (a frame) as TF.js's converter writes it: per loop variable its Enter, Merge,
 * Switch, NextIteration and Exit, the predicate, and which nodes each iteration computes.
 */
final class LoopFrame {

    /** One loop variable; {@code exit} is null when nothing reads its final value. */
    record Variable(TfNode enter, TfNode merge, TfNode sw, TfNode next, TfNode exit) {
    }

    final TfjsModel model;
    final String name;
    final String predicate;
    final List<Variable> variables = new ArrayList<>();

    private LoopFrame(TfjsModel model, String name, String predicate) {
        this.model = model;
        this.name = name;
        this.predicate = predicate;
    }

    /** The loop that {@code exit} leaves. */
    static LoopFrame of(TfNode exit, TfjsModel model) throws ConversionException {
        TfNode sw = model.node(nodeName(exit.inputs().get(0)));
        TfNode merge = sw == null || !sw.op().equals("Switch") ? null : model.node(nodeName(sw.inputs().get(0)));
        TfNode enter = merge == null ? null : enterOf(merge, model);
        TfNode cond = enter == null || sw.inputs().size() < 2 ? null : model.node(nodeName(sw.inputs().get(1)));
        if (cond == null || cond.inputs().isEmpty()) {
            throw new ConversionException("Exit node " + exit.name() + " does not end a while loop (Switch, Merge,"
                    + " Enter, LoopCond)");
        }
        LoopFrame f = new LoopFrame(model, enter.stringAttr("frame_name", ""), cond.inputs().get(0));
        for (TfNode m : model.nodes()) {
            TfNode e = m.op().equals("Merge") ? enterOf(m, model) : null;
            if (e == null || !e.stringAttr("frame_name", "").equals(f.name)) {
                continue;
            }
            TfNode next = null;
            for (String in : m.inputs()) {
                TfNode p = model.node(nodeName(in));
                next = p != null && p.op().equals("NextIteration") ? p : next;
            }
            TfNode s = f.consumer(m.name(), "Switch");
            if (next == null || s == null) {
                throw new ConversionException("Merge node " + m.name() + " of the while loop " + f.name
                        + " has no NextIteration input or no Switch");
            }
            f.variables.add(new Variable(e, m, s, next, f.consumer(s.name(), "Exit")));
        }
        return f;
    }

    private static TfNode enterOf(TfNode merge, TfjsModel model) {
        for (String in : merge.inputs()) {
            TfNode p = model.node(nodeName(in));
            if (p != null && p.op().equals("Enter")) {
                return p;
            }
        }
        return null;
    }

    /** The first node of type {@code op} whose first input is output 0 of {@code node}. */
    private TfNode consumer(String node, String op) {
        for (TfNode n : model.nodes()) {
            if (n.op().equals(op) && !n.inputs().isEmpty()
                    && (n.inputs().get(0).equals(node) || n.inputs().get(0).equals(node + ":0"))) {
                return n;
            }
        }
        return null;
    }

    /** {@code ref} with Identity nodes skipped. */
    String follow(String ref) {
        String r = ref;
        TfNode n = model.node(nodeName(r));
        while (n != null && n.op().equals("Identity") && !n.inputs().isEmpty()) {
            r = n.inputs().get(0);
            n = model.node(nodeName(r));
        }
        return r;
    }

    /** The variable whose value in the body {@code ref} is (its Switch's true output, through Identities). */
    Variable inBody(String ref) {
        String r = follow(ref);
        for (Variable v : variables) {
            if (r.equals(v.sw().name() + ":1")) {
                return v;
            }
        }
        return null;
    }

    /**
     * The nodes each iteration computes for {@code roots}: up to the variables and the Enters. A loop inside the
     * loop (an Exit, or an Enter of another frame, among them) is refused: its Enters would be read from outside.
     */
    Set<String> members(List<String> roots) throws ConversionException {
        Set<String> stop = new HashSet<>();
        for (Variable v : variables) {
            stop.add(v.merge().name());
            stop.add(v.sw().name());
        }
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>();
        roots.forEach(r -> todo.add(nodeName(r)));
        while (!todo.isEmpty()) {
            String n = todo.remove(todo.size() - 1);
            TfNode node = model.node(n);
            if (node != null && (node.op().equals("Exit")
                    || node.op().equals("Enter") && !node.stringAttr("frame_name", "").equals(name))) {
                throw new ConversionException("the while loop " + name + " contains another loop (node " + n
                        + "); the converter does not convert nested while loops");
            }
            if (node == null || stop.contains(n) || node.op().equals("Enter") || !seen.add(n)) {
                continue;
            }
            node.inputs().forEach(i -> todo.add(nodeName(i)));
        }
        return seen;
    }
}
