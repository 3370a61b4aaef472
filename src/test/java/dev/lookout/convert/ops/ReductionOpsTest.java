package dev.lookout.convert.ops;

import static dev.lookout.convert.TfjsModelBuilder.b;
import static dev.lookout.convert.TfjsModelBuilder.type;
import static dev.lookout.convert.ops.Graphs.FLOAT;
import static dev.lookout.convert.ops.Graphs.values;

import dev.lookout.convert.TfjsModelBuilder;
import dev.lookout.testsupport.IntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reductions against TF.js, on TF's layout and on convolution outputs stored NCHW, with and without keep_dims. */
@IntegrationTest
class ReductionOpsTest {

    @TempDir
    Path dir;

    private static TfjsModelBuilder convolved() {
        return new TfjsModelBuilder()
                .placeholder("x", FLOAT, 1, 5, 6, 2)
                .constFloat("w", new long[] {1, 1, 2, 3}, values(6, 1))
                .op("c", "Conv2D", Graphs.CONV_VALID, "x", "w");
    }

    @Test
    void meanOverSpatialAxesOfAConvolutionWithAndWithoutKeepDims() throws Exception {
        TfjsParity.assertMatches(convolved()
                .constInt("hw", new long[] {2}, 1, 2)
                .op("pooled", "Mean", "{\"keep_dims\":" + b(false) + "}", "c", "hw")
                .op("kept", "Mean", "{\"keep_dims\":" + b(true) + "}", "c", "hw"),
                dir, "--range", "-1,1");
    }

    @Test
    void sumMaxMinProdWithNegativeAxes() throws Exception {
        TfjsParity.assertMatches(convolved()
                .constInt("last", new long[] {1}, -1)
                .constInt("two", new long[] {2}, 0, -2)
                .op("sum", "Sum", "{\"keep_dims\":" + b(true) + "}", "c", "last")
                .op("max", "Max", "{\"keep_dims\":" + b(false) + "}", "c", "two")
                .op("min", "Min", "{\"keep_dims\":" + b(false) + "}", "c", "last")
                .op("prod", "Prod", "{\"keep_dims\":" + b(false) + "}", "x", "last"),
                dir, "--range", "-1,1");
    }

    @Test
    void argMaxAndArgMinGiveInt32() throws Exception {
        TfjsParity.assertMatches(convolved()
                .constInt("axis", new long[0], 3)
                .constInt("h", new long[0], 1)
                .op("argmax", "ArgMax", "{\"output_type\":" + type("DT_INT32") + "}", "c", "axis")
                .op("argmin", "ArgMin", "{\"output_type\":" + type("DT_INT32") + "}", "c", "h"),
                dir, "--range", "-1,1");
    }
}
