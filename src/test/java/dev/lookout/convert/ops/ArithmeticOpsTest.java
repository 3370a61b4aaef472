package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.Graphs.FLOAT;
import static dev.lookout.convert.ops.Graphs.INT32;

import dev.lookout.convert.TfjsModelBuilder;
import dev.lookout.testsupport.IntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arithmetic against TF.js: integer division and remainder of negatives, broadcasting, SquaredDifference. */
@IntegrationTest
class ArithmeticOpsTest {

    @TempDir
    Path dir;

    @Test
    void floorDivAndFloorModOfNegativeIntegersFollowTf() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("a", INT32, 4, 8)
                .constInt("b", new long[] {8}, 3, -3, 4, -4, 5, -5, 7, -7)
                .op("div", "FloorDiv", "{}", "a", "b")
                .op("mod", "FloorMod", "{}", "a", "b"),
                dir, "--range", "-20,20");
    }

    @Test
    void floatFloorDivFloorModAndSquaredDifferenceBroadcast() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("a", FLOAT, 2, 3, 4)
                .constFloat("b", new long[] {4}, 1.5f, -2.5f, 0.75f, -0.5f)
                .op("div", "FloorDiv", "{}", "a", "b")
                .op("mod", "FloorMod", "{}", "a", "b")
                .op("sq", "SquaredDifference", "{}", "b", "a")
                .op("pow", "Pow", "{}", "sq", "b"),
                dir, "--range", "-5,5");
    }
}
