package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.OpContext.constIn;
import static dev.lookout.convert.ops.OpContext.one;
import static dev.lookout.convert.ops.Shapes.NHWC_TO_NCHW;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.Tensors;
import dev.lookout.convert.TfNode;
import dev.lookout.convert.ops.Value.Dyn;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.OnnxGraph.Attribute;
import dev.lookout.onnx.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * TF.js's convolution family in NHWC. Activations are stored NCHW (ONNX's layout) and stay so from layer to layer;
 * weights are permuted at conversion time. TF's SAME padding puts the odd pixel at the end, which ONNX's
 * {@code SAME_UPPER} matches when the size is unknown.
 */
final class ConvolutionOps {

    private ConvolutionOps() {
    }

    static void register(OpRegistry r) {
        r.add((node, x, cx) -> one(convolution(node, x, false, cx.out())), "Conv2D");
        r.add((node, x, cx) -> one(convolution(node, x, true, cx.out())), "DepthwiseConv2dNative",
                "DepthwiseConv2d");
        r.add((node, x, cx) -> one(pool(node, x, cx.out())), "MaxPool", "AvgPool");
        r.add((node, x, cx) -> one(Activations.applyFused(node, x, 2, convolution(node, x, false, cx.out()), true,
                cx.out())), "_FusedConv2D");
        r.add((node, x, cx) -> one(Activations.applyFused(node, x, 2, convolution(node, x, true, cx.out()), true,
                cx.out())), "FusedDepthwiseConv2dNative");
        r.add((node, x, cx) -> one(transposed(node, x, cx)), "Conv2DBackpropInput");
    }

    /**
     * Conv2DBackpropInput (TF.js's conv2dTranspose) as ONNX ConvTranspose: the output's size is the
     * {@code input_sizes} operand (a constant, or packed with only the batch computed at run time, as Keras does),
     * and the pads are those of the forward convolution of that size (TF's SAME, VALID or EXPLICIT), the remainder
     * going to {@code output_padding} at the end. Like TF.js, it reads strides and
     * padding only: {@code data_format} and {@code dilations} are not honoured (TF.js ignores them).
     */
    static Dyn transposed(TfNode node, List<Value> x, OpContext cx) throws ConversionException {
        Emitter out = cx.out();
        String n = node.name();
        long[] size = x.get(0) instanceof Dyn d && cx.partialShapes().containsKey(d.name())
                ? cx.partialShapes().get(d.name()) : constIn(node, x, 0).longs();
        if (size.length != 4 && size.length != 3) {
            throw new ConversionException("node " + n + " (Conv2DBackpropInput) has input_sizes of length "
                    + size.length + "; it needs [batch,] height, width, channels");
        }
        long[] hwc = java.util.Arrays.copyOfRange(size, size.length - 3, size.length);
        if (!Shapes.known(hwc)) {
            throw new ConversionException("node " + n + " (Conv2DBackpropInput) has an output height, width or"
                    + " channel count computed at run time (input_sizes " + java.util.Arrays.toString(size)
                    + "); the converter needs them known");
        }
        Tensor w = constIn(node, x, 1); // [kh, kw, out, in]
        Dyn input = out.toPerm(out.dyn(x.get(2), n), NHWC_TO_NCHW);
        long[] ws = w.shape();
        long[] strides = node.intListAttr("strides", new long[] {1, 1, 1, 1});
        String padding = node.stringAttr("padding", "VALID");
        long[] explicit = node.intListAttr("explicit_paddings", new long[8]);
        long[] pads = new long[4];
        long[] outputPadding = new long[2];
        for (int i = 0; i < 2; i++) {
            long k = ws[i];
            long s = strides[1 + i];
            long target = hwc[i];
            long in;
            if (padding.equals("SAME")) {
                in = (target + s - 1) / s;
                long total = Math.max((in - 1) * s + k - target, 0);
                pads[i] = total / 2; // TF puts the odd pixel at the end
                pads[i + 2] = total - total / 2;
            } else {
                if (padding.equals("EXPLICIT")) {
                    pads[i] = explicit[2 + 2 * i];
                    pads[i + 2] = explicit[3 + 2 * i];
                }
                in = (target + pads[i] + pads[i + 2] - k) / s + 1;
            }
            long known = input.shape()[1 + i];
            if (known >= 0 && known != in) {
                throw new ConversionException("node " + n + " (Conv2DBackpropInput) gets a spatial size of " + known
                        + " where input_sizes " + java.util.Arrays.toString(size) + " with " + padding
                        + " padding needs " + in);
            }
            outputPadding[i] = target - ((in - 1) * s + k - pads[i] - pads[i + 2]);
        }
        String wName = out.constant(Tensors.permute(w, new int[] {3, 2, 0, 1}), n + "/weights");
        String o = out.node("ConvTranspose", n, List.of(input.name(), wName),
                new Attribute("kernel_shape", new long[] {ws[0], ws[1]}),
                new Attribute("output_padding", outputPadding), new Attribute("pads", pads),
                new Attribute("strides", new long[] {strides[1], strides[2]}));
        return new Dyn(o, DataType.FLOAT, new long[] {input.shape()[0], hwc[0], hwc[1], ws[2]}, NHWC_TO_NCHW);
    }

    /** A 2-D convolution (or depthwise convolution) of input 0 by the constant filter in input 1, in NCHW. */
    static Dyn convolution(TfNode node, List<Value> x, boolean depthwise, Emitter out) throws ConversionException {
        String n = node.name();
        if (!"NHWC".equals(node.stringAttr("data_format", "NHWC"))) {
            throw new ConversionException("node " + n + " uses data_format NCHW, which the converter does not support");
        }
        Dyn input = out.toPerm(out.dyn(x.get(0), n), NHWC_TO_NCHW);
        Tensor w = constIn(node, x, 1); // [kh, kw, in, out] or [kh, kw, in, multiplier]
        long[] ws = w.shape();
        long kh = ws[0];
        long kw = ws[1];
        long[] strides = node.intListAttr("strides", new long[] {1, 1, 1, 1});
        long[] dil = node.intListAttr("dilations", new long[] {1, 1, 1, 1});
        Tensor weights;
        long outChannels;
        long group;
        if (depthwise) {
            outChannels = ws[2] * ws[3];
            group = ws[2];
            weights = Tensors.permute(w, new int[] {2, 3, 0, 1}).reshape(outChannels, 1, kh, kw);
        } else {
            outChannels = ws[3];
            group = 1;
            weights = Tensors.permute(w, new int[] {3, 2, 0, 1});
        }
        long[] pads = new long[4];
        long[] shape = input.shape();
        String padding = node.stringAttr("padding", "VALID");
        List<Attribute> attrs = new ArrayList<>();
        long[] spatial = {shape[1], shape[2]};
        long[] k = {kh, kw};
        long[] s = {strides[1], strides[2]};
        long[] d = {dil[1], dil[2]};
        long[] outSize = new long[2];
        boolean known = spatial[0] >= 0 && spatial[1] >= 0;
        for (int i = 0; i < 2; i++) {
            long effective = (k[i] - 1) * d[i] + 1;
            if (padding.equals("SAME")) {
                outSize[i] = spatial[i] < 0 ? -1 : (spatial[i] + s[i] - 1) / s[i];
                if (known) {
                    long total = Math.max((outSize[i] - 1) * s[i] + effective - spatial[i], 0);
                    pads[i] = total / 2; // TF puts the odd pixel at the end
                    pads[i + 2] = total - total / 2;
                }
            } else if (padding.equals("EXPLICIT")) {
                long[] ep = node.intListAttr("explicit_paddings", new long[8]);
                pads[i] = ep[2 + 2 * i];
                pads[i + 2] = ep[3 + 2 * i];
                outSize[i] = spatial[i] < 0 ? -1 : (spatial[i] + pads[i] + pads[i + 2] - effective) / s[i] + 1;
            } else {
                outSize[i] = spatial[i] < 0 ? -1 : (spatial[i] - effective) / s[i] + 1;
            }
        }
        attrs.add(new Attribute("dilations", new long[] {d[0], d[1]}));
        attrs.add(new Attribute("group", group));
        attrs.add(new Attribute("kernel_shape", new long[] {kh, kw}));
        if (padding.equals("SAME") && !known) {
            attrs.add(new Attribute("auto_pad", "SAME_UPPER"));
        } else {
            attrs.add(new Attribute("pads", pads));
        }
        attrs.add(new Attribute("strides", new long[] {s[0], s[1]}));
        String wName = out.constant(weights, n + "/weights");
        String o = out.node("Conv", n, List.of(input.name(), wName), attrs.toArray(new Attribute[0]));
        return new Dyn(o, DataType.FLOAT, new long[] {shape[0], outSize[0], outSize[1], outChannels}, NHWC_TO_NCHW);
    }

    private static Dyn pool(TfNode node, List<Value> x, Emitter out) throws ConversionException {
        String n = node.name();
        Dyn input = out.toPerm(out.dyn(x.get(0), n), NHWC_TO_NCHW);
        long[] ksize = node.intListAttr("ksize", new long[] {1, 1, 1, 1});
        long[] strides = node.intListAttr("strides", new long[] {1, 1, 1, 1});
        String padding = node.stringAttr("padding", "VALID");
        long[] shape = input.shape();
        long[] pads = new long[4];
        long[] outSize = new long[2];
        for (int i = 0; i < 2; i++) {
            long in = shape[1 + i];
            long k = ksize[1 + i];
            long s = strides[1 + i];
            if (padding.equals("SAME")) {
                outSize[i] = in < 0 ? -1 : (in + s - 1) / s;
                if (in < 0) {
                    throw new ConversionException("pool " + n + " with SAME padding needs a known input size");
                }
                long total = Math.max((outSize[i] - 1) * s + k - in, 0);
                pads[i] = total / 2;
                pads[i + 2] = total - total / 2;
            } else {
                outSize[i] = in < 0 ? -1 : (in - k) / s + 1;
            }
        }
        List<Attribute> attrs = new ArrayList<>();
        if (node.op().equals("AvgPool")) {
            attrs.add(new Attribute("count_include_pad", 0L));
        }
        attrs.add(new Attribute("kernel_shape", new long[] {ksize[1], ksize[2]}));
        attrs.add(new Attribute("pads", pads));
        attrs.add(new Attribute("strides", new long[] {strides[1], strides[2]}));
        String o = out.node(node.op().equals("MaxPool") ? "MaxPool" : "AveragePool", n, List.of(input.name()),
                attrs.toArray(new Attribute[0]));
        return new Dyn(o, DataType.FLOAT, new long[] {shape[0], outSize[0], outSize[1], shape[3]}, NHWC_TO_NCHW);
    }
}
