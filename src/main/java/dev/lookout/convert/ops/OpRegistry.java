package dev.lookout.convert.ops;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The TF ops the converter translates, each to its handler. Handlers are grouped by TF.js's op families, one class
 * per family; a new op is one {@code add} in its family's {@code register}.
 */
public final class OpRegistry {

    private record Entry(OpHandler handler, boolean foldable) {
    }

    private final Map<String, Entry> entries = new TreeMap<>();

    private OpRegistry() {
    }

    /** Every handler the converter has. */
    public static OpRegistry standard() {
        OpRegistry r = new OpRegistry();
        GraphOps.register(r);
        ControlFlowOps.register(r);
        ArithmeticOps.register(r);
        BasicMathOps.register(r);
        LogicalOps.register(r);
        TransformationOps.register(r);
        SliceJoinOps.register(r);
        CreationOps.register(r);
        ConvolutionOps.register(r);
        MatricesOps.register(r);
        ReductionOps.register(r);
        NormalizationOps.register(r);
        ImageOps.register(r);
        EvaluationOps.register(r);
        DynamicOps.register(r);
        return r;
    }

    /** Registers an op whose resolved inputs the handler gets, and which is evaluated now when they are known. */
    void add(OpHandler handler, String... ops) {
        for (String op : ops) {
            put(op, new Entry(handler, true));
        }
    }

    /** Registers a graph or control-flow op: never folded, it resolves its own inputs. */
    void structural(OpHandler handler, String... ops) {
        for (String op : ops) {
            put(op, new Entry(handler, false));
        }
    }

    private void put(String op, Entry e) {
        if (entries.putIfAbsent(op, e) != null) {
            throw new IllegalStateException("two handlers for " + op);
        }
    }

    /** The supported op types. */
    public Set<String> ops() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    /** The handler for {@code op}, or null. */
    public OpHandler handler(String op) {
        Entry e = entries.get(op);
        return e == null ? null : e.handler();
    }

    /** True if {@code op} is evaluated at conversion time when its inputs are constants. */
    public boolean foldable(String op) {
        Entry e = entries.get(op);
        return e != null && e.foldable();
    }
}
