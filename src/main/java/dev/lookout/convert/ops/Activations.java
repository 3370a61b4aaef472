package dev.lookout.convert.ops;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.OnnxGraph.Attribute;
import java.util.List;
import java.util.Locale;

/**
 * The extra op and activation of TF's fused ops ({@code _FusedConv2D}, {@code FusedDepthwiseConv2dNative},
 * {@code _FusedMatMul}), read as TF.js reads them: {@code fused_ops[0]} is the extra op (BiasAdd adds
 * {@code args[0]}), {@code fused_ops[1]} the activation; Prelu's alpha is the argument after the bias.
 */
final class Activations {

    private Activations() {
    }

    /**
     * Applies the node's fused bias and activation to {@code y} (the convolution or product); the fused arguments
     * start at input {@code firstArg}. {@code biasOnlyIfNamed}: the convolutions' rule (bias only after BiasAdd),
     * else the matrix product's (the first argument is always the bias).
     */
    static Value applyFused(TfNode node, List<Value> x, int firstArg, Value y, boolean biasOnlyIfNamed,
            Emitter out) throws ConversionException {
        List<String> fused = node.stringListAttr("fused_ops");
        String extra = fused.isEmpty() ? "" : fused.get(0).toLowerCase(Locale.ROOT);
        String activation = fused.size() > 1 ? fused.get(1).toLowerCase(Locale.ROOT) : "linear";
        if (extra.equals("fusedbatchnorm")) {
            throw new ConversionException("node " + node.name() + " (" + node.op() + ") fuses FusedBatchNorm,"
                    + " which TF.js does not support either");
        }
        if (fused.size() > 2) {
            throw new ConversionException("node " + node.name() + " (" + node.op() + ") fuses " + fused
                    + "; TF.js fuses at most an extra op and an activation");
        }
        Value biasArg = x.size() > firstArg ? x.get(firstArg) : null;
        Value preluArg = x.size() > firstArg + 1 ? x.get(firstArg + 1) : null;
        if (biasOnlyIfNamed && !extra.equals("biasadd")) {
            // TF.js's fused convolution: without BiasAdd the first argument is Prelu's alpha
            preluArg = biasArg;
            biasArg = null;
        }
        String n = node.name();
        Value result = y;
        if (biasArg != null) {
            result = out.binary("Add", result, biasArg, n + "/bias_add");
        }
        return activation(activation, result, preluArg, node.floatAttr("leakyrelu_alpha", 0.2), n, out);
    }

    /** One of TF.js's fused activations by its lower-case name. */
    static Value activation(String name, Value v, Value preluAlpha, double leakyAlpha, String base, Emitter out)
            throws ConversionException {
        switch (name) {
            case "linear":
                return v;
            case "relu":
                return out.unary("Relu", v, base + "/relu");
            case "relu6":
                return BasicMathOps.relu6(v, base + "/relu6", out);
            case "elu":
                return out.unary("Elu", v, base + "/elu", new Attribute("alpha", 1.0f));
            case "sigmoid":
                return out.unary("Sigmoid", v, base + "/sigmoid");
            case "leakyrelu":
                return out.unary("LeakyRelu", v, base + "/leakyrelu", new Attribute("alpha", (float) leakyAlpha));
            case "prelu":
                if (preluAlpha == null) {
                    throw new ConversionException("node " + base + " fuses Prelu without its alpha argument");
                }
                return prelu(v, preluAlpha, base + "/prelu", out);
            default:
                throw new ConversionException("node " + base + " fuses the activation '" + name
                        + "', which TF.js does not know");
        }
    }

    /** TF.js's prelu: {@code x < 0 ? alpha * x : x}, alpha broadcast against x. */
    static Dyn prelu(Value v, Value alpha, String base, Emitter out) {
        Dyn r = out.binary("PRelu", v, alpha, base);
        long[] shape = Shapes.shapeOf(v);
        return new Dyn(r.name(), r.type(), shape, r.perm());
    }
}
