package dev.lookout.convert.ops;

import static dev.lookout.convert.TfjsModelBuilder.s;
import static dev.lookout.convert.ops.Graphs.FLOAT;
import static dev.lookout.convert.ops.Graphs.values;

import dev.lookout.convert.TfjsModelBuilder;
import dev.lookout.testsupport.IntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pads against TF.js, on TF's layout and on a convolution output stored NCHW. */
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
}
