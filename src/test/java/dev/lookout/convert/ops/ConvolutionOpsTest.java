package dev.lookout.convert.ops;

import static dev.lookout.convert.TfjsModelBuilder.f;
import static dev.lookout.convert.TfjsModelBuilder.i;
import static dev.lookout.convert.TfjsModelBuilder.ints;
import static dev.lookout.convert.TfjsModelBuilder.s;
import static dev.lookout.convert.TfjsModelBuilder.strs;
import static dev.lookout.convert.ops.Graphs.FLOAT;
import static dev.lookout.convert.ops.Graphs.values;

import dev.lookout.convert.TfjsModelBuilder;
import dev.lookout.testsupport.IntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fused convolutions against TF.js: bias, every activation, SAME padding with strides, dilations. */
@IntegrationTest
class ConvolutionOpsTest {

    @TempDir
    Path dir;

    private static String convAttrs(String padding, long stride, long dilation, String... fused) {
        return "{\"strides\":" + ints(1, stride, stride, 1) + ",\"padding\":" + s(padding) + ",\"data_format\":"
                + s("NHWC") + ",\"dilations\":" + ints(1, dilation, dilation, 1) + ",\"fused_ops\":" + strs(fused)
                + ",\"num_args\":" + i(fused.length > 1 && fused[1].equals("Prelu") ? 2 : 1)
                + ",\"leakyrelu_alpha\":" + f(0.3) + "}";
    }

    @Test
    void fusedConvSamePaddingStride2WithBiasAndRelu6() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 1, 7, 7, 3)
                .constFloat("w", new long[] {3, 3, 3, 4}, values(108, 1))
                .constFloat("bias", new long[] {4}, values(4, 2))
                .op("y", "_FusedConv2D", convAttrs("SAME", 2, 1, "BiasAdd", "Relu6"), "x", "w", "bias"),
                dir, "--range", "-4,4");
    }

    @Test
    void fusedConvUnknownSizeSameWithLeakyReluAlpha() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, -1, -1, -1, 2)
                .constFloat("w", new long[] {3, 3, 2, 3}, values(54, 3))
                .constFloat("bias", new long[] {3}, values(3, 4))
                .op("y", "_FusedConv2D", convAttrs("SAME", 2, 1, "BiasAdd", "LeakyRelu"), "x", "w", "bias"),
                dir, "--range", "-1,1", "--size", "9x6");
    }

    @Test
    void fusedConvDilatedValidWithPrelu() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 1, 9, 9, 2)
                .constFloat("w", new long[] {3, 3, 2, 3}, values(54, 5))
                .constFloat("bias", new long[] {3}, values(3, 6))
                .constFloat("alpha", new long[] {3}, 0.1f, 0.25f, 0.5f)
                .op("y", "_FusedConv2D", convAttrs("VALID", 1, 2, "BiasAdd", "Prelu"), "x", "w", "bias", "alpha"),
                dir, "--range", "-1,1");
    }

    @Test
    void fusedConvWithEluAndSigmoid() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 1, 5, 5, 2)
                .constFloat("w", new long[] {1, 1, 2, 2}, values(4, 7))
                .constFloat("bias", new long[] {2}, values(2, 8))
                .op("a", "_FusedConv2D", convAttrs("VALID", 1, 1, "BiasAdd", "Elu"), "x", "w", "bias")
                .op("y", "_FusedConv2D", convAttrs("VALID", 1, 1, "BiasAdd", "Sigmoid"), "a", "w", "bias"),
                dir, "--range", "-3,3");
    }

    @Test
    void fusedDepthwiseWithMultiplierSameStride2AndRelu() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 1, 8, 7, 3)
                .constFloat("w", new long[] {3, 3, 3, 2}, values(54, 9))
                .constFloat("bias", new long[] {6}, values(6, 10))
                .op("y", "FusedDepthwiseConv2dNative", convAttrs("SAME", 2, 1, "BiasAdd", "Relu"), "x", "w", "bias"),
                dir, "--range", "-1,1");
    }

    private static String transposedAttrs(String padding, long stride) {
        return "{\"strides\":" + ints(1, stride, stride, 1) + ",\"padding\":" + s(padding) + ",\"data_format\":"
                + s("NHWC") + ",\"dilations\":" + ints(1, 1, 1, 1) + ",\"explicit_paddings\":" + ints() + "}";
    }

    @Test
    void transposedConvSameStride2CropsTheOddPixelAtTheEndAfterAConvolution() throws Exception {
        // 4 inputs of a 3-wide kernel at stride 2 span 9 outputs: TF's SAME crops the 1 extra at the end only
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 1, 4, 4, 2)
                .constFloat("w0", new long[] {1, 1, 2, 3}, values(6, 11))
                .op("c", "Conv2D", Graphs.CONV_VALID, "x", "w0")
                .constInt("sizes", new long[] {4}, 1, 8, 8, 2)
                .constFloat("w", new long[] {3, 3, 2, 3}, values(54, 12))
                .op("y", "Conv2DBackpropInput", transposedAttrs("SAME", 2), "sizes", "w", "c"),
                dir, "--range", "-1,1");
    }

    @Test
    void transposedConvValidStride2WithARemainderAndSameStride1() throws Exception {
        // VALID: 3 inputs of a 3-wide kernel at stride 2 reach 7 of the 8 outputs; the last one gets nothing
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 1, 3, 3, 3)
                .constInt("sizes", new long[] {4}, 1, 8, 8, 2)
                .constFloat("w", new long[] {3, 3, 2, 3}, values(54, 13))
                .op("valid", "Conv2DBackpropInput", transposedAttrs("VALID", 2), "sizes", "w", "x")
                .constInt("sizes1", new long[] {4}, 1, 3, 3, 4)
                .constFloat("w1", new long[] {2, 2, 4, 3}, values(48, 14))
                .op("same1", "Conv2DBackpropInput", transposedAttrs("SAME", 1), "sizes1", "w1", "x"),
                dir, "--range", "-1,1");
    }

    @Test
    void transposedConvOfAnInputOfUnknownSizeUsesTheConstantInputSizes() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 1, -1, -1, 3)
                .constInt("sizes", new long[] {4}, 1, 10, 9, 1)
                .constFloat("w", new long[] {4, 4, 1, 3}, values(48, 15))
                .op("y", "Conv2DBackpropInput", transposedAttrs("SAME", 3), "sizes", "w", "x"),
                dir, "--range", "-1,1", "--size", "4x3");
    }

    @Test
    void transposedConvSizedByAShapePackedWithTheRunTimeBatch() throws Exception {
        // Keras writes input_sizes as Pack(batch from Shape(x), height, width, channels); the batch is unknown
        Path file = dir.resolve("x.npy");
        java.nio.file.Files.write(file, dev.lookout.run.Npy.write(dev.lookout.onnx.Tensor.ofFloats(
                new long[] {2, 3, 3, 3}, values(54, 17))));
        TfjsParity.assertMatches(Graphs.firstDim(new TfjsModelBuilder()
                .placeholder("x", FLOAT, -1, 3, 3, 3), "x", "batch")
                .constInt("height", new long[0], 6)
                .constInt("width", new long[0], 6)
                .constInt("channels", new long[0], 2)
                .op("sizes", "Pack", "{\"axis\":" + i(0) + "}", "batch", "height", "width", "channels")
                .constFloat("w", new long[] {3, 3, 2, 3}, values(54, 18))
                .op("y", "Conv2DBackpropInput", transposedAttrs("SAME", 2), "sizes", "w", "x"),
                dir, "--input", "x=" + file);
    }
}
