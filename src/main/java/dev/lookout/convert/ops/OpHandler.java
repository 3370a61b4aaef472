package dev.lookout.convert.ops;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfNode;
import java.util.List;

/** Translates one TF op into ONNX nodes. */
@FunctionalInterface
public interface OpHandler {

    /**
     * Returns the node's outputs, by TF output index. {@code inputs} are the node's resolved data inputs, or null
     * for a structural op (registered with {@link OpRegistry#structural}) that resolves them itself.
     */
    Value[] convert(TfNode node, List<Value> inputs, OpContext cx) throws ConversionException;
}
