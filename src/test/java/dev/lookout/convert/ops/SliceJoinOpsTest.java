package dev.lookout.convert.ops;

import static dev.lookout.convert.TfjsModelBuilder.b;
import static dev.lookout.convert.TfjsModelBuilder.i;
import static dev.lookout.convert.ops.Graphs.FLOAT;

import dev.lookout.convert.TfjsModelBuilder;
import dev.lookout.testsupport.IntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gathers and splits against TF.js: batch dims, negative axes, inferred split sizes. */
@IntegrationTest
class SliceJoinOpsTest {

    @TempDir
    Path dir;

    @Test
    void gatherV2WithBatchDimsAndNegativeAxis() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 2, 5, 3)
                .constInt("idx", new long[] {2, 3}, 0, 4, 2, 1, 1, 3)
                .constInt("one", new long[0], 1)
                .constInt("minus1", new long[0], -1)
                .constInt("cols", new long[] {4}, 2, 0, 0, 1)
                .op("batch", "GatherV2", "{\"batch_dims\":" + i(1) + "}", "x", "idx", "one")
                .op("last", "GatherV2", "{\"batch_dims\":" + i(0) + "}", "x", "cols", "minus1"),
                dir, "--range", "-1,1");
    }

    @Test
    void gatherNdPicksSlicesAndElements() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 4, 5, 2)
                .constInt("rows", new long[] {3, 2}, 1, 2, 3, 4, 0, 0)
                .constInt("cells", new long[] {2, 3}, 3, 4, 1, 0, 0, 0)
                .op("slices", "GatherNd", "{}", "x", "rows")
                .op("elements", "GatherNd", "{}", "x", "cells"),
                dir, "--range", "-1,1");
    }

    @Test
    void splitAndSplitVWithAnInferredSize() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 2, 6)
                .constInt("axis", new long[0], -1)
                .constInt("sizes", new long[] {3}, 1, -1, 2)
                .op("halves", "Split", "{\"num_split\":" + i(2) + "}", "axis", "x")
                .op("parts", "SplitV", "{\"num_split\":" + i(3) + "}", "x", "sizes", "axis")
                .op("h1", "Identity", "{}", "halves:1")
                .op("p0", "Identity", "{}", "parts")
                .op("p1", "Identity", "{}", "parts:1")
                .op("p2", "Identity", "{}", "parts:2")
                .op("h0", "Identity", "{}", "halves:0"),
                dir, "--range", "-1,1");
    }

    @Test
    void sparseToDenseWithUnsortedIndicesAndADefaultValueIgnoringValidateIndices() throws Exception {
        String validate = "{\"validate_indices\":" + b(true) + "}";
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("values", FLOAT, 3)
                .placeholder("fill", FLOAT)
                .constInt("cells", new long[] {3, 2}, 2, 3, 0, 1, 1, 0)
                .constInt("shape", new long[] {2}, 3, 4)
                .op("matrix", "SparseToDense", validate, "cells", "shape", "values", "fill")
                .constInt("positions", new long[] {2}, 4, 1)
                .constInt("length", new long[] {1}, 6)
                .constFloat("one_value", new long[0], 2.5f)
                .op("vector_of_scalar", "SparseToDense", validate, "positions", "length", "one_value", "fill"),
                dir, "--range", "-1,1");
    }

    @Test
    void sparseToDenseWithNoIndicesAndARunTimeShape() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 1, -1, -1, 1)
                .placeholder("fill", FLOAT)
                .op("shape", "Shape", "{}", "x")
                .constInt("none", new long[] {0, 4})
                .constFloat("no_values", new long[] {0})
                .op("all_default", "SparseToDense", "{}", "none", "shape", "no_values", "fill")
                .constInt("two", new long[] {2, 4}, 0, 2, 1, 0, 0, 0, 3, 0)
                .constFloat("two_values", new long[] {2}, -3f, 7f)
                .op("two_set", "SparseToDense", "{}", "two", "shape", "two_values", "fill"),
                dir, "--range", "-1,1", "--size", "3x4");
    }

    @Test
    void tileByRepeatsComputedAtRunTime() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 1, -1, 3)
                .placeholder("row", FLOAT, 1, 3)
                .op("shape", "Shape", "{}", "x")
                .constInt("ones", new long[] {1}, 1)
                .constInt("begin", new long[] {1}, 1)
                .constInt("end", new long[] {1}, 2)
                .constInt("stride", new long[] {1}, 1)
                .op("length", "StridedSlice", "{}", "shape", "begin", "end", "stride")
                .constInt("axis", new long[0], 0)
                .op("reps", "ConcatV2", "{}", "length", "ones", "axis")
                .op("y", "Tile", "{}", "row", "reps"),
                dir, "--range", "-1,1", "--size", "4x1");
    }
}
