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
}
