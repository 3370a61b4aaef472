package dev.lookout.convert.ops;

import static dev.lookout.convert.TfjsModelBuilder.i;
import static dev.lookout.convert.TfjsModelBuilder.s;
import static dev.lookout.convert.ops.Graphs.FLOAT;
import static dev.lookout.convert.ops.Graphs.values;

import dev.lookout.convert.TfjsModelBuilder;
import dev.lookout.testsupport.IntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pads, block rearrangements and BroadcastTo against TF.js, on TF's layout and on convolution outputs stored
 * NCHW, with known and run-time sizes.
 */
@IntegrationTest
class TransformationOpsTest {

    @TempDir
    Path dir;

    @Test
    void padPadV2AndMirrorPadOnAConvolutionOutput() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 1, 4, 5, 2)
                .constFloat("w", new long[] {1, 1, 2, 3}, values(6, 1))
                .op("c", "Conv2D", Graphs.CONV_VALID, "x", "w")
                .constInt("p", new long[] {4, 2}, 0, 0, 1, 2, 2, 1, 0, 0)
                .constFloat("fill", new long[0], 0.5f)
                .op("pad", "Pad", "{}", "c", "p")
                .op("pad2", "PadV2", "{}", "c", "p", "fill")
                .op("mirror", "MirrorPad", "{\"mode\":" + s("REFLECT") + "}", "x", "p"),
                dir, "--range", "-1,1");
    }

    @Test
    void mirrorPadSymmetricUpToTheWholeDimOnAConvolutionOutputAndOnUnknownSizes() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 1, 4, 5, 2)
                .constFloat("w", new long[] {1, 1, 2, 3}, values(6, 2))
                .op("c", "Conv2D", Graphs.CONV_VALID, "x", "w")
                .constInt("p", new long[] {4, 2}, 0, 0, 4, 1, 2, 5, 0, 1)
                .op("conv_symmetric", "MirrorPad", "{\"mode\":" + s("SYMMETRIC") + "}", "c", "p")
                .placeholder("u", FLOAT, 1, -1, -1, 2)
                .constInt("q", new long[] {4, 2}, 0, 0, 1, 2, 3, 0, 1, 1)
                .op("unknown_symmetric", "MirrorPad", "{\"mode\":" + s("SYMMETRIC") + "}", "u", "q")
                .op("unknown_reflect", "MirrorPad", "{\"mode\":" + s("REFLECT") + "}", "u", "q"),
                dir, "--range", "-1,1", "--size", "4x5");
    }

    /** A dilated 3x3 convolution as TF writes it: SpaceToBatchND, a VALID Conv2D, BatchToSpaceND with crops. */
    private static TfjsModelBuilder dilatedConvolution(long... inputShape) {
        return new TfjsModelBuilder()
                .placeholder("x", FLOAT, inputShape)
                .constInt("block", new long[] {2}, 2, 2)
                .constInt("paddings", new long[] {2, 2}, 2, 3, 2, 3)
                .constInt("crops", new long[] {2, 2}, 0, 1, 0, 1)
                .op("s2b", "SpaceToBatchND", "{}", "x", "block", "paddings")
                .constFloat("w", new long[] {3, 3, 2, 3}, values(54, 3))
                .op("conv", "Conv2D", Graphs.CONV_VALID, "s2b", "w")
                .op("y", "BatchToSpaceND", "{}", "conv", "block", "crops");
    }

    @Test
    void spaceToBatchConvBatchToSpaceOfAKnownSize() throws Exception {
        TfjsParity.assertMatches(dilatedConvolution(1, 7, 9, 2), dir, "--range", "-1,1");
    }

    @Test
    void spaceToBatchConvBatchToSpaceOfARunTimeSize() throws Exception {
        TfjsParity.assertMatches(dilatedConvolution(1, -1, -1, 2), dir, "--range", "-1,1", "--size", "7x9");
    }

    @Test
    void spaceToBatchAndBackOnOneBlockDimOfARank3BatchOf2() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 2, 5, 3)
                .constInt("block", new long[] {1}, 3)
                .constInt("paddings", new long[] {1, 2}, 1, 0)
                .constInt("crops", new long[] {1, 2}, 1, 0)
                .op("s2b", "SpaceToBatchND", "{}", "x", "block", "paddings")
                .op("back", "BatchToSpaceND", "{}", "s2b", "block", "crops"),
                dir, "--range", "-1,1");
    }

    @Test
    void depthToSpaceOnAConvolutionOutput() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 1, -1, -1, 2)
                .constFloat("w", new long[] {1, 1, 2, 12}, values(24, 4))
                .op("c", "Conv2D", Graphs.CONV_VALID, "x", "w")
                .op("y", "DepthToSpace", "{\"block_size\":" + i(2) + ",\"data_format\":" + s("NHWC") + "}", "c"),
                dir, "--range", "-1,1", "--size", "3x4");
    }

    @Test
    void broadcastToAConstantShapeAndToARunTimeShape() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("a", FLOAT, 3, 1)
                .constInt("target", new long[] {3}, 2, 3, 4)
                .op("to_const", "BroadcastTo", "{}", "a", "target")
                .placeholder("b", FLOAT, 1, -1, -1, 2)
                .op("b_shape", "Shape", "{}", "b")
                .constFloat("row", new long[] {2}, 0.25f, -4f)
                .op("to_runtime", "BroadcastTo", "{}", "row", "b_shape"),
                dir, "--range", "-1,1", "--size", "3x5");
    }

    @Test
    void reshapeToATargetPackedWithTheRunTimeBatch() throws Exception {
        // Keras's Flatten: Reshape(x, Pack(batch from Shape(x), -1)) on an input whose batch is unknown
        Path file = dir.resolve("x.npy");
        java.nio.file.Files.write(file, dev.lookout.run.Npy.write(dev.lookout.onnx.Tensor.ofFloats(
                new long[] {3, 2, 2, 2}, values(24, 21))));
        TfjsParity.assertMatches(Graphs.firstDim(new TfjsModelBuilder()
                .placeholder("x", FLOAT, -1, 2, 2, 2)
                .constFloat("w", new long[] {1, 1, 2, 2}, values(4, 22))
                .op("c", "Conv2D", Graphs.CONV_VALID, "x", "w"), "c", "batch")
                .constInt("rest", new long[0], -1)
                .op("target", "Pack", "{\"axis\":" + i(0) + "}", "batch", "rest")
                .op("y", "Reshape", "{}", "c", "target"),
                dir, "--input", "x=" + file);
    }
}
