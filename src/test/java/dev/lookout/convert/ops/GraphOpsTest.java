package dev.lookout.convert.ops;

import static dev.lookout.convert.TfjsModelBuilder.type;
import static dev.lookout.convert.ops.Graphs.FLOAT;

import dev.lookout.convert.TfjsModelBuilder;
import dev.lookout.testsupport.IntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Size against TF.js: an int32 scalar also for int64 out_type, counted at run time, 0 for an empty tensor. */
@IntegrationTest
class GraphOpsTest {

    @TempDir
    Path dir;

    @Test
    void sizeOfARunTimeShapeAndOfAnEmptySlice() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 1, -1, -1, 3)
                .op("size", "Size", "{\"out_type\":" + type("DT_INT64") + "}", "x")
                .constInt("begin", new long[] {4}, 0, 1, 0, 0)
                .constInt("none", new long[] {4}, -1, 0, -1, -1)
                .op("empty", "Slice", "{}", "x", "begin", "none")
                .op("empty_size", "Size", "{}", "empty"),
                dir, "--size", "5x7");
    }
}
