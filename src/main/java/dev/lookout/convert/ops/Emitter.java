package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.Shapes.broadcast;
import static dev.lookout.convert.ops.Shapes.inverse;
import static dev.lookout.convert.ops.Shapes.isIdentity;
import static dev.lookout.convert.ops.Shapes.shapeOf;

import dev.lookout.convert.Tensors;
import dev.lookout.convert.ops.Value.Const;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.OnnxGraph;
import dev.lookout.onnx.OnnxGraph.Attribute;
import dev.lookout.onnx.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where nodes and initializers go (the model's graph, or a scratch graph while folding one op), with the layout
 * bookkeeping every handler shares: a {@link Dyn} may be stored transposed, and the helpers here transpose only
 * when an op needs TF's own axis order. Names are made unique in call order, so conversion is deterministic.
 */
public final class Emitter {
    /** The graph written to. */
    public final OnnxGraph graph;
    private final Map<String, Integer> counters = new HashMap<>();
    private final Set<String> taken = new HashSet<>();
    private final Map<Tensor, String> constNames = new IdentityHashMap<>();
    /** Values already transposed back to TF's layout in this graph, by stored name and layout. */
    private final Map<String, Dyn> logical = new HashMap<>();

    /** Writes into {@code graph}. */
    public Emitter(OnnxGraph graph) {
        this.graph = graph;
    }

    /**
     * {@code base}, or {@code base_n} when the name is taken (also by a TF node literally called {@code base_n}, as
     * TF names its nodes {@code stack}, {@code stack_1}, ...).
     */
    public String unique(String base) {
        int n = counters.merge(base, 1, Integer::sum);
        String name = n == 1 ? base : base + "_" + n;
        while (!taken.add(name)) {
            name = base + "_" + counters.merge(base, 1, Integer::sum);
        }
        return name;
    }

    /** Marks a name given outside this emitter (a graph input) as taken. */
    public void reserve(String name) {
        taken.add(name);
    }

    /** The initializer holding {@code t} (the same tensor object gives the same initializer). */
    public String constant(Tensor t, String hint) {
        return constNames.computeIfAbsent(t, k -> {
            String name = unique(hint);
            graph.addInitializer(name, k);
            return name;
        });
    }

    /** An int64 vector initializer. */
    public String vec(long[] values, String hint) {
        return constant(Tensor.vector(values), hint);
    }

    /** Adds a node with one output named after {@code base} and returns that output's name. */
    public String node(String op, String base, List<String> inputs, Attribute... attributes) {
        String name = unique(base);
        graph.addNode(op, name, inputs, List.of(name), attributes);
        return name;
    }

    /** A value stored in TF's own layout, transposing if needed (once per value). */
    public Dyn toLogical(Dyn v) {
        if (v.perm() == null) {
            return v;
        }
        return logical.computeIfAbsent(v.name() + "|" + Arrays.toString(v.perm()), k -> {
            long[] perm = Arrays.stream(inverse(v.perm())).mapToLong(i -> i).toArray();
            String o = node("Transpose", v.name() + "/to_tf_layout", List.of(v.name()),
                    new Attribute("perm", perm));
            return new Dyn(o, v.type(), v.shape(), null);
        });
    }

    /** A value stored with {@code perm}. */
    public Dyn toPerm(Dyn v, int[] perm) {
        if (Arrays.equals(v.perm(), perm)) {
            return v;
        }
        Dyn l = toLogical(v);
        long[] p = Arrays.stream(perm).mapToLong(i -> i).toArray();
        String o = node("Transpose", l.name() + "/to_nchw", List.of(l.name()), new Attribute("perm", p));
        return new Dyn(o, l.type(), l.shape(), perm);
    }

    /** A run-time view of any value: constants become initializers of this graph. */
    public Dyn dyn(Value v, String base) {
        if (v instanceof Dyn d) {
            return d;
        }
        if (v instanceof Const c) {
            return new Dyn(constant(c.tensor(), base + "/const"), c.tensor().type(), c.tensor().shape(), null);
        }
        throw new IllegalArgumentException("a TensorArray handle or flow is used as data");
    }

    /** {@link #dyn} in TF's layout. */
    public Dyn logical(Value v, String base) {
        return toLogical(dyn(v, base));
    }

    /**
     * The ONNX name of {@code v} stored with {@code perm} (for a result of rank {@code rank}); null when a lower
     * rank run-time operand cannot follow a permuted layout.
     */
    public String operand(Value v, int[] perm, int rank, String base) {
        if (v instanceof Const c) {
            Tensor t = c.tensor();
            if (perm != null) {
                t = Tensors.permute(Tensors.padRank(t, rank), perm);
            }
            return constant(t, base + "/const");
        }
        Dyn d = (Dyn) v;
        if (perm == null) {
            return toLogical(d).name();
        }
        if (d.rank() != rank) {
            return null;
        }
        return toPerm(d, perm).name();
    }

    /** An element-wise op with NumPy broadcasting, kept in the stored layout of its run-time operand. */
    public Dyn binary(String op, Value a, Value b, String base) {
        long[] shape = broadcast(shapeOf(a), shapeOf(b));
        int[] perm = null;
        for (Value v : List.of(a, b)) {
            if (v instanceof Dyn d && d.perm() != null && d.rank() == shape.length) {
                perm = d.perm();
                break;
            }
        }
        List<String> names = new ArrayList<>();
        for (Value v : List.of(a, b)) {
            names.add(operand(v, perm, shape.length, base));
        }
        if (names.contains(null)) {
            perm = null;
            names.clear();
            for (Value v : List.of(a, b)) {
                names.add(operand(v, null, shape.length, base));
            }
        }
        DataType type = typeOf(a, b);
        String o = node(op, base, names);
        return new Dyn(o, type, shape, perm);
    }

    /** A broadcasting op giving bool (comparison or logic), kept in the stored layout of its run-time operand. */
    public Dyn predicate(String op, Value a, Value b, String base) {
        Dyn d = binary(op, a, b, base);
        return new Dyn(d.name(), DataType.BOOL, d.shape(), d.perm());
    }

    /** Casts to {@code type}, keeping the stored layout; the value itself when it already has that type. */
    public Dyn cast(Value v, DataType type, String base) {
        Dyn d = dyn(v, base);
        if (d.type() == type) {
            return d;
        }
        return new Dyn(node("Cast", base, List.of(d.name()), new Attribute("to", (long) type.onnxCode())), type,
                d.shape(), d.perm());
    }

    /** A broadcasting comparison in TF's layout, giving bool. */
    public Dyn compare(String op, Value a, Value b, String base) {
        long[] shape = broadcast(shapeOf(a), shapeOf(b));
        String o = node(op, base, List.of(operand(a, null, shape.length, base), operand(b, null, shape.length,
                base)));
        return new Dyn(o, DataType.BOOL, shape, null);
    }

    /** The element type of the first operand. */
    static DataType typeOf(Value a, Value b) {
        if (a instanceof Dyn d) {
            return d.type();
        }
        if (a instanceof Const c) {
            return c.tensor().type();
        }
        return b instanceof Dyn d ? d.type() : ((Const) b).tensor().type();
    }

    /** An element-wise op of one operand, in its stored layout. */
    public Dyn unary(String op, Value v, String base, Attribute... attributes) {
        Dyn d = dyn(v, base);
        String o = node(op, base, List.of(d.name()), attributes);
        return new Dyn(o, d.type(), d.shape(), d.perm());
    }

    /** Removes the (non-negative) {@code axes}. */
    public Dyn squeeze(Dyn v, long[] axes, String base) {
        long[] sorted = axes.clone();
        Arrays.sort(sorted);
        if (v.perm() != null && sorted.length == 1 && sorted[0] == 0 && v.perm()[0] == 0) {
            // Dropping a leading axis that is leading in storage too keeps the stored order.
            String o = node("Squeeze", base, List.of(v.name(), vec(new long[] {0}, base + "/axes")));
            int[] np = new int[v.perm().length - 1];
            for (int i = 1; i < v.perm().length; i++) {
                np[i - 1] = v.perm()[i] - 1;
            }
            return new Dyn(o, v.type(), Arrays.copyOfRange(v.shape(), 1, v.rank()), isIdentity(np) ? null : np);
        }
        Dyn l = toLogical(v);
        String o = node("Squeeze", base, List.of(l.name(), vec(sorted, base + "/axes")));
        List<Long> shape = new ArrayList<>();
        for (int i = 0; i < l.rank(); i++) {
            if (Arrays.binarySearch(sorted, i) < 0) {
                shape.add(l.shape()[i]);
            }
        }
        return new Dyn(o, l.type(), shape.stream().mapToLong(Long::longValue).toArray(), null);
    }

    /** Inserts a dim of 1 at the (non-negative) {@code axis}. */
    public Dyn unsqueeze(Dyn v, int axis, String base) {
        if (v.perm() != null && axis == 0) {
            String o = node("Unsqueeze", base, List.of(v.name(), vec(new long[] {0}, base + "/axes")));
            int[] np = new int[v.perm().length + 1];
            for (int i = 0; i < v.perm().length; i++) {
                np[i + 1] = v.perm()[i] + 1;
            }
            long[] shape = new long[v.rank() + 1];
            shape[0] = 1;
            System.arraycopy(v.shape(), 0, shape, 1, v.rank());
            return new Dyn(o, v.type(), shape, np);
        }
        Dyn l = toLogical(v);
        String o = node("Unsqueeze", base, List.of(l.name(), vec(new long[] {axis}, base + "/axes")));
        long[] shape = new long[l.rank() + 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            shape[i] = i == axis ? 1 : l.shape()[j++];
        }
        return new Dyn(o, l.type(), shape, null);
    }

    /** Concatenates along the (non-negative) TF {@code axis}, in the parts' common stored layout if they share one. */
    public Dyn concat(List<Value> parts, int axis, String base) {
        List<Dyn> ds = new ArrayList<>();
        for (Value p : parts) {
            ds.add(dyn(p, base));
        }
        int[] perm = ds.get(0).perm();
        boolean samePerm = perm != null;
        for (Dyn d : ds) {
            samePerm &= d.perm() != null && Arrays.equals(d.perm(), perm);
        }
        List<String> names = new ArrayList<>();
        long[] shape = null;
        long total = 0;
        for (Dyn d : ds) {
            Dyn use = samePerm ? d : toLogical(d);
            names.add(use.name());
            shape = d.shape().clone();
            total = total < 0 || d.shape()[axis] < 0 ? -1 : total + d.shape()[axis];
        }
        shape[axis] = total;
        int physicalAxis = axis;
        if (samePerm) {
            for (int i = 0; i < perm.length; i++) {
                if (perm[i] == axis) {
                    physicalAxis = i;
                }
            }
        }
        String o = node("Concat", base, names, new Attribute("axis", (long) physicalAxis));
        return new Dyn(o, ds.get(0).type(), shape, samePerm ? perm : null);
    }
}
