package dev.lookout.convert.ops;

import static dev.lookout.convert.TfjsModelBuilder.b;
import static dev.lookout.convert.TfjsModelBuilder.s;
import static dev.lookout.convert.TfjsModelBuilder.type;
import static dev.lookout.convert.ops.Graphs.FLOAT;
import static dev.lookout.convert.ops.Graphs.INT32;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lookout.convert.TfjsModelBuilder;
import dev.lookout.onnx.Tensor;
import dev.lookout.run.Npy;
import dev.lookout.testsupport.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TF1 while loop whose trip count is an input, as TF.js executes it (Enter, Merge, Switch, LoopCond,
 * NextIteration, Exit), against TF.js: it becomes an ONNX Loop, also when it runs zero times.
 */
@IntegrationTest
class ControlFlowOpsTest {

    @TempDir
    Path dir;

    /**
     * {@code i = 0; acc = x; while (i < n) { acc = acc * 0.5 + bias * float(i); i = i + 1 }}, outputs acc and i;
     * {@code n} is an input and {@code bias} an invariant Enter.
     */
    private static TfjsModelBuilder loop() {
        String enter = "{\"frame_name\":" + s("while") + ",\"is_constant\":" + b(false) + "}";
        String invariant = "{\"frame_name\":" + s("while") + ",\"is_constant\":" + b(true) + "}";
        return new TfjsModelBuilder()
                .placeholder("x", FLOAT, 1, -1, -1, 2)
                .placeholder("n", INT32)
                .constInt("zero", new long[0], 0)
                .constInt("one", new long[0], 1)
                .constFloat("half", new long[0], 0.5f)
                .constFloat("bias", new long[] {2}, 0.25f, -1.5f)
                .op("while/Enter_i", "Enter", enter, "zero")
                .op("while/Enter_acc", "Enter", enter, "x")
                .op("while/Enter_n", "Enter", invariant, "n")
                .op("while/Enter_bias", "Enter", invariant, "bias")
                .op("while/Merge_i", "Merge", "{}", "while/Enter_i", "while/Next_i")
                .op("while/Merge_acc", "Merge", "{}", "while/Enter_acc", "while/Next_acc")
                .op("while/Less", "Less", "{}", "while/Merge_i", "while/Enter_n")
                .op("while/LoopCond", "LoopCond", "{}", "while/Less")
                .op("while/Switch_i", "Switch", "{}", "while/Merge_i", "while/LoopCond")
                .op("while/Switch_acc", "Switch", "{}", "while/Merge_acc", "while/LoopCond")
                .op("while/Identity_i", "Identity", "{}", "while/Switch_i:1")
                .op("while/Identity_acc", "Identity", "{}", "while/Switch_acc:1")
                .op("while/i_float", "Cast", "{\"DstT\":" + type("DT_FLOAT") + "}", "while/Identity_i")
                .op("while/scaled_bias", "Mul", "{}", "while/Enter_bias", "while/i_float")
                .op("while/decayed", "Mul", "{}", "while/Identity_acc", "half")
                .op("while/acc_next", "AddV2", "{}", "while/decayed", "while/scaled_bias")
                .op("while/i_next", "AddV2", "{}", "while/Identity_i", "one")
                .op("while/Next_i", "NextIteration", "{}", "while/i_next")
                .op("while/Next_acc", "NextIteration", "{}", "while/acc_next")
                .op("while/Exit_i", "Exit", "{}", "while/Switch_i")
                .op("while/Exit_acc", "Exit", "{}", "while/Switch_acc")
                .op("acc", "Identity", "{}", "while/Exit_acc")
                .op("count", "Identity", "{}", "while/Exit_i");
    }

    private Map<String, Tensor> runWithTripCount(int n) throws Exception {
        Path file = dir.resolve("n.npy");
        Files.write(file, Npy.write(Tensor.ofInts(new long[0], n)));
        return TfjsParity.assertMatches(loop(), dir, "--range", "-1,1", "--size", "3x4", "--input", "n=" + file);
    }

    @Test
    void aLoopWhoseTripCountIsAnInputRunsThatManyTimes() throws Exception {
        Map<String, Tensor> out = runWithTripCount(7);
        assertEquals(7, out.get("count").longs()[0]);
    }

    @Test
    void aLoopWhoseTripCountIsZeroReturnsItsInitialValues() throws Exception {
        Map<String, Tensor> out = runWithTripCount(0);
        assertEquals(0, out.get("count").longs()[0]);
    }
}
