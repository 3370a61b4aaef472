package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.Graphs.FLOAT;
import static dev.lookout.convert.ops.Graphs.INT32;

import dev.lookout.convert.TfjsModelBuilder;
import dev.lookout.testsupport.IntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comparisons, logic and Select against TF.js, with broadcasting and ties. */
@IntegrationTest
class LogicalOpsTest {

    @TempDir
    Path dir;

    @Test
    void comparisonsAndLogicOfIntegersWithTies() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("a", INT32, 3, 4)
                .placeholder("b", INT32, 1, 4)
                .op("eq", "Equal", "{}", "a", "b")
                .op("ne", "NotEqual", "{}", "a", "b")
                .op("ge", "GreaterEqual", "{}", "a", "b")
                .op("le", "LessEqual", "{}", "a", "b")
                .op("and", "LogicalAnd", "{}", "ge", "le")
                .op("or", "LogicalOr", "{}", "eq", "ne")
                .op("not", "LogicalNot", "{}", "and"),
                dir, "--range", "0,3");
    }

    @Test
    void selectV2BroadcastsAndSelectPicks() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 3, 4)
                .constFloat("half", new long[0], 0.5f)
                .constFloat("row", new long[] {4}, -1, -2, -3, -4)
                .constFloat("rowSum", new long[] {3, 4}, Graphs.values(12, 4))
                .op("big", "Greater", "{}", "x", "half")
                .op("picked", "SelectV2", "{}", "big", "x", "row")
                .op("rows", "Select", "{}", "big", "rowSum", "x"),
                dir, "--range", "0,1");
    }
}
