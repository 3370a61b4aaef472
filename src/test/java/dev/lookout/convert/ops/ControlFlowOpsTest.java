package dev.lookout.convert.ops;

import static dev.lookout.convert.TfjsModelBuilder.b;
import static dev.lookout.convert.TfjsModelBuilder.i;
import static dev.lookout.convert.TfjsModelBuilder.ints;
import static dev.lookout.convert.TfjsModelBuilder.s;
import static dev.lookout.convert.TfjsModelBuilder.type;
import static dev.lookout.convert.ops.Graphs.FLOAT;
import static dev.lookout.convert.ops.Graphs.INT32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfjsConverter;
import dev.lookout.convert.TfjsModel;
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
 * TF1 while loops whose trip count is known only at run time, as TF.js executes them (Enter, Merge, Switch,
 * LoopCond, NextIteration, Exit), against TF.js: they become ONNX Loops, also when they run zero times, and a
 * {@code map_fn} over a tensor of run-time length reads and writes its TensorLists inside the Loop.
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
        return loop(new TfjsModelBuilder().constFloat("bias", new long[] {2}, 0.25f, -1.5f));
    }

    /** {@link #loop()} with the node {@code bias} that {@code withBias} defines (it may use the input x). */
    private static TfjsModelBuilder loop(TfjsModelBuilder withBias) {
        String enter = "{\"frame_name\":" + s("while") + ",\"is_constant\":" + b(false) + "}";
        String invariant = "{\"frame_name\":" + s("while") + ",\"is_constant\":" + b(true) + "}";
        return withBias
                .placeholder("x", FLOAT, 1, -1, -1, 2)
                .placeholder("n", INT32)
                .constInt("zero", new long[0], 0)
                .constInt("one", new long[0], 1)
                .constFloat("half", new long[0], 0.5f)
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
        return runWithTripCount(loop(), n);
    }

    private Map<String, Tensor> runWithTripCount(TfjsModelBuilder graph, int n) throws Exception {
        Path file = dir.resolve("n.npy");
        Files.write(file, Npy.write(Tensor.ofInts(new long[0], n)));
        return TfjsParity.assertMatches(graph, dir, "--range", "-1,1", "--size", "3x4", "--input", "n=" + file);
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

    @Test
    void aLoopReadsAConvolutionOutputThatIsAlsoAGraphOutput() throws Exception {
        // The output c is renamed to its TF name after conversion; the Loop body, which reads the NCHW-stored
        // convolution from the outer scope, must follow that rename.
        Map<String, Tensor> out = runWithTripCount(loop(new TfjsModelBuilder()
                .constFloat("w", new long[] {1, 1, 2, 2}, Graphs.values(4, 9))
                .op("c", "Conv2D", Graphs.CONV_VALID, "x", "w")
                .op("bias", "Identity", "{}", "c"))
                .signature(java.util.List.of("x", "n"), java.util.List.of("acc", "count", "c")), 3);
        assertEquals(3, out.get("count").longs()[0]);
    }

    /**
     * TF2's {@code map_fn} as TF.js's converter writes it, over the rows of a tensor whose length is known only at
     * run time: a TensorListFromTensor passed on unchanged, a TensorListReserve written at the loop counter with
     * TensorListSetItem, TensorListStack after the loop; the body is {@code row * row + bias}.
     */
    private static TfjsModelBuilder mapFn() {
        return mapFn(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 1, -1, 3)
                .op("rows", "Squeeze", "{\"squeeze_dims\":" + ints(0) + "}", "x"));
    }

    /** {@link #mapFn()} over the rows of the graph's node {@code rows}. */
    private static TfjsModelBuilder mapFn(TfjsModelBuilder rows) {
        String enter = "{\"frame_name\":" + s("map/while") + ",\"is_constant\":" + b(false) + "}";
        String invariant = "{\"frame_name\":" + s("map/while") + ",\"is_constant\":" + b(true) + "}";
        String dtype = "{\"element_dtype\":" + type("DT_FLOAT") + "}";
        return Graphs.firstDim(rows, "rows", "n")
                .constInt("row_shape", new long[] {1}, 3)
                .constInt("zero", new long[0], 0)
                .constInt("one", new long[0], 1)
                .constFloat("bias", new long[] {3}, 0.5f, -1f, 2f)
                .op("map/input", "TensorListFromTensor", dtype, "rows", "row_shape")
                .op("map/output", "TensorListReserve", dtype, "row_shape", "n")
                .op("map/while/Enter_i", "Enter", enter, "zero")
                .op("map/while/Enter_in", "Enter", enter, "map/input")
                .op("map/while/Enter_out", "Enter", enter, "map/output")
                .op("map/while/Enter_n", "Enter", invariant, "n")
                .op("map/while/Enter_bias", "Enter", invariant, "bias")
                .op("map/while/Merge_i", "Merge", "{}", "map/while/Enter_i", "map/while/Next_i")
                .op("map/while/Merge_in", "Merge", "{}", "map/while/Enter_in", "map/while/Next_in")
                .op("map/while/Merge_out", "Merge", "{}", "map/while/Enter_out", "map/while/Next_out")
                .op("map/while/Less", "Less", "{}", "map/while/Merge_i", "map/while/Enter_n")
                .op("map/while/LoopCond", "LoopCond", "{}", "map/while/Less")
                .op("map/while/Switch_i", "Switch", "{}", "map/while/Merge_i", "map/while/LoopCond")
                .op("map/while/Switch_in", "Switch", "{}", "map/while/Merge_in", "map/while/LoopCond")
                .op("map/while/Switch_out", "Switch", "{}", "map/while/Merge_out", "map/while/LoopCond")
                .op("map/while/i", "Identity", "{}", "map/while/Switch_i:1")
                .op("map/while/row", "TensorListGetItem", dtype, "map/while/Switch_in:1", "map/while/i", "row_shape")
                .op("map/while/square", "Mul", "{}", "map/while/row", "map/while/row")
                .op("map/while/value", "AddV2", "{}", "map/while/square", "map/while/Enter_bias")
                .op("map/while/write", "TensorListSetItem", dtype, "map/while/Switch_out:1", "map/while/i",
                        "map/while/value")
                .op("map/while/i_next", "AddV2", "{}", "map/while/i", "one")
                .op("map/while/Next_i", "NextIteration", "{}", "map/while/i_next")
                .op("map/while/Next_in", "NextIteration", "{}", "map/while/Switch_in:1")
                .op("map/while/Next_out", "NextIteration", "{}", "map/while/write")
                .op("map/while/Exit_out", "Exit", "{}", "map/while/Switch_out")
                .op("y", "TensorListStack", "{\"element_dtype\":" + type("DT_FLOAT") + ",\"num_elements\":" + i(-1)
                        + "}", "map/while/Exit_out", "row_shape");
    }

    @Test
    void aMapFnOverARunTimeLengthReadsAndWritesItsListsInsideTheLoop() throws Exception {
        Map<String, Tensor> out = TfjsParity.assertMatches(mapFn(), dir, "--range", "-2,2", "--size", "5x1");
        assertEquals(5, out.get("y").shape()[0]);
    }

    @Test
    void aMapFnOverAnUnknownBatchKeepsTheBatchDynamic() throws Exception {
        Path file = dir.resolve("x.npy");
        Files.write(file, Npy.write(Tensor.ofFloats(new long[] {4, 3}, Graphs.values(12, 5))));
        Map<String, Tensor> out = TfjsParity.assertMatches(mapFn(new TfjsModelBuilder()
                .placeholder("x", FLOAT, -1, 3)
                .op("rows", "Identity", "{}", "x")), dir, "--input", "x=" + file);
        assertEquals(4, out.get("y").shape()[0]);
    }

    /** Adds a counting loop {@code while (i < limit) i = i + 1} in frame {@code f}, starting from {@code start}. */
    private static TfjsModelBuilder countingLoop(TfjsModelBuilder b, String f, String start, String limit) {
        String enter = "{\"frame_name\":" + s(f) + ",\"is_constant\":" + b(false) + "}";
        String invariant = "{\"frame_name\":" + s(f) + ",\"is_constant\":" + b(true) + "}";
        return b.op(f + "/Enter", "Enter", enter, start)
                .op(f + "/Enter_limit", "Enter", invariant, limit)
                .op(f + "/Merge", "Merge", "{}", f + "/Enter", f + "/Next")
                .op(f + "/Less", "Less", "{}", f + "/Merge", f + "/Enter_limit")
                .op(f + "/LoopCond", "LoopCond", "{}", f + "/Less")
                .op(f + "/Switch", "Switch", "{}", f + "/Merge", f + "/LoopCond")
                .op(f + "/i", "Identity", "{}", f + "/Switch:1")
                .op(f + "/step", "AddV2", "{}", f + "/i", "one")
                .op(f + "/Exit", "Exit", "{}", f + "/Switch");
    }

    @Test
    void aWhileLoopInsideAWhileLoopIsRefusedWithItsNode() throws Exception {
        TfjsModelBuilder b = new TfjsModelBuilder()
                .placeholder("n", INT32)
                .constInt("zero", new long[0], 0)
                .constInt("one", new long[0], 1);
        countingLoop(b, "outer", "zero", "n");
        countingLoop(b, "inner", "outer/i", "n") // the inner loop starts from the outer counter
                .op("outer/sum", "AddV2", "{}", "inner/Exit", "outer/step")
                .op("outer/Next", "NextIteration", "{}", "outer/sum")
                .op("inner/Next", "NextIteration", "{}", "inner/step")
                .op("y", "Identity", "{}", "outer/Exit");
        b.write(dir.resolve("nested"), 1 << 20);
        ConversionException e = assertThrows(ConversionException.class,
                () -> TfjsConverter.convert(TfjsModel.load(dir.resolve("nested"))));
        assertTrue(e.getMessage().contains("nested while loops") && e.getMessage().contains("outer"),
                e.getMessage());
    }
}
