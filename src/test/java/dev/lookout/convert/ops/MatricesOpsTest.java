package dev.lookout.convert.ops;

import static dev.lookout.convert.TfjsModelBuilder.b;
import static dev.lookout.convert.TfjsModelBuilder.i;
import static dev.lookout.convert.TfjsModelBuilder.strs;
import static dev.lookout.convert.ops.Graphs.FLOAT;
import static dev.lookout.convert.ops.Graphs.values;

import dev.lookout.convert.TfjsModelBuilder;
import dev.lookout.testsupport.IntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matrix products against TF.js: transposes, adjoints, batch broadcasting, fused bias and activation. */
@IntegrationTest
class MatricesOpsTest {

    @TempDir
    Path dir;

    @Test
    void fusedMatMulWithTransposedWeightsBiasAndElu() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 2, 5)
                .constFloat("w", new long[] {3, 5}, values(15, 1))
                .constFloat("bias", new long[] {3}, values(3, 2))
                .op("y", "_FusedMatMul", "{\"transpose_a\":" + b(false) + ",\"transpose_b\":" + b(true)
                        + ",\"fused_ops\":" + strs("BiasAdd", "Elu") + ",\"num_args\":" + i(1) + "}", "x", "w", "bias"),
                dir, "--range", "-2,2");
    }

    @Test
    void batchMatMulWithAdjointsAndBroadcastBatch() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 1, 2, 3, 4)
                .placeholder("y", FLOAT, 1, 1, 2, 3)
                .op("z", "BatchMatMulV2", "{\"adj_x\":" + b(true) + ",\"adj_y\":" + b(true) + "}", "x", "y"),
                dir, "--range", "-1,1");
    }

    @Test
    void matMulWithTransposedInput() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 4, 3)
                .constFloat("w", new long[] {4, 2}, values(8, 3))
                .op("y", "MatMul", "{\"transpose_a\":" + b(true) + "}", "x", "w"),
                dir, "--range", "-1,1");
    }
}
