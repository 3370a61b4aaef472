package dev.lookout.convert.ops;

import static dev.lookout.convert.TfjsModelBuilder.b;
import static dev.lookout.convert.ops.Graphs.FLOAT;

import dev.lookout.convert.TfjsModelBuilder;
import dev.lookout.testsupport.IntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TopKV2 against TF.js, including ties (the lower index first). */
@IntegrationTest
class EvaluationOpsTest {

    @TempDir
    Path dir;

    @Test
    void topKWithTiesKeepsTheLowerIndexFirst() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 3, 10)
                .constFloat("scale", new long[0], 4f)
                .op("scaled", "Mul", "{}", "x", "scale")
                .op("coarse", "Floor", "{}", "scaled")
                .constInt("k", new long[0], 4)
                .op("top", "TopKV2", "{\"sorted\":" + b(true) + "}", "coarse", "k")
                .op("values", "Identity", "{}", "top")
                .op("indices", "Identity", "{}", "top:1"),
                dir, "--range", "0,1");
    }
}
