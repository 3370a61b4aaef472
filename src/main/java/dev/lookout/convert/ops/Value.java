package dev.lookout.convert.ops;

import dev.lookout.onnx.DataType;
import dev.lookout.onnx.Tensor;
import java.util.Map;
import java.util.TreeMap;

/** What a TF tensor is during conversion: known now, computed at run time, a TensorArray, or a flow token. */
public sealed interface Value permits Value.Const, Value.Dyn, Value.ArrayRef, Value.Stacked, Value.Flow {

    /** A tensor known at conversion time. */
    record Const(Tensor tensor) implements Value {
    }

    /**
     * A tensor computed at run time: the ONNX value {@code name}, its TF (logical) shape with {@code -1} for unknown
     * dims, and {@code perm}: null when stored as TF lays it out, else stored transposed so that
     * {@code physical[i] = logical[perm[i]]}.
     */
    record Dyn(String name, DataType type, long[] shape, int[] perm) implements Value {
        /** The TF rank. */
        public int rank() {
            return shape.length;
        }
    }

    /** A TensorArray (or TensorList) of an unrolled loop: its elements by index, known at conversion time. */
    final class ArrayRef implements Value {
        /** The TF node that created the array. */
        public final String node;
        /** The number of elements, or -1 when known only at run time (a list an ONNX Loop will write). */
        public final int size;
        /** The elements written so far, by index. */
        public final Map<Integer, Value> elements = new TreeMap<>();

        /** An empty array made by {@code node} with {@code size} elements. */
        public ArrayRef(String node, int size) {
            this.node = node;
            this.size = size;
        }
    }

    /**
     * A TensorList whose length is known only at run time, held as its elements stacked along a new first axis
     * (a TensorListFromTensor's tensor, or the scan output of an ONNX Loop that wrote it).
     */
    record Stacked(Dyn tensor) implements Value {
    }

    /** A TensorArray flow or other ordering token: no data. */
    enum Flow implements Value {
        /** The one token. */
        TOKEN
    }
}
