package dev.lookout.convert;

import static dev.lookout.convert.TfjsModelBuilder.ints;
import static dev.lookout.convert.TfjsModelBuilder.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each op translation, converted and run by ONNX Runtime, against values computed by hand. */
class OpTranslationTest {

    @TempDir
    Path dir;

    private byte[] convert(TfjsModelBuilder b) throws Exception {
        b.write(dir, 1 << 20);
        return TfjsConverter.convert(TfjsModel.load(dir));
    }

    private static float[] range(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i + 1;
        }
        return v;
    }

    @Test
    void conv2dSamePaddingWithStride2PutsTheOddPixelAtTheEnd() throws Exception {
        float[] ones = new float[9];
        java.util.Arrays.fill(ones, 1f);
        TfjsModelBuilder b = new TfjsModelBuilder()
                .placeholder("x", 1, -1, 4, 4, 1)
                .constFloat("w", new long[] {3, 3, 1, 1}, ones)
                .op("y", "Conv2D", "{\"strides\":" + ints(1, 2, 2, 1) + ",\"padding\":" + s("SAME")
                        + ",\"data_format\":" + s("NHWC") + "}", "x", "w");
        // x = 1..16 row-major. SAME, stride 2, in 4, kernel 3: out 2, one padding row/column, at the end.
        // out[0][0] = 1+2+3+5+6+7+9+10+11 = 54; out[0][1] = 3+4+7+8+11+12 = 45;
        // out[1][0] = 9+10+11+13+14+15 = 72; out[1][1] = 11+12+15+16 = 54.
        float[] out = OnnxRunner.run(convert(b), "x", range(16), 1, 4, 4, 1);
        assertArrayEquals(new float[] {54, 45, 72, 54}, out);
    }

    @Test
    void depthwiseConvolutionWithMultiplierKeepsTfChannelOrder() throws Exception {
        TfjsModelBuilder b = new TfjsModelBuilder()
                .placeholder("x", 1, -1, 1, 2, 2)
                // [kh, kw, in, multiplier]: w[c][m] = 1, 2 (c = 0) and 3, 4 (c = 1)
                .constFloat("w", new long[] {1, 1, 2, 2}, 1, 2, 3, 4)
                .op("y", "DepthwiseConv2dNative", "{\"strides\":" + ints(1, 1, 1, 1) + ",\"padding\":"
                        + s("VALID") + "}", "x", "w");
        // pixel 0 = (1, 10), pixel 1 = (2, 20); TF's output channel c·m + m: (x0·1, x0·2, x1·3, x1·4)
        float[] out = OnnxRunner.run(convert(b), "x", new float[] {1, 10, 2, 20}, 1, 1, 2, 2);
        assertArrayEquals(new float[] {1, 2, 30, 40, 2, 4, 60, 80}, out);
    }

    @Test
    void depthwiseSamePaddingCountsOnlyPixelsInside() throws Exception {
        float[] ones = new float[9];
        java.util.Arrays.fill(ones, 1f);
        TfjsModelBuilder b = new TfjsModelBuilder()
                .placeholder("x", 1, -1, 3, 3, 1)
                .constFloat("w", new long[] {3, 3, 1, 1}, ones)
                .op("y", "DepthwiseConv2dNative", "{\"strides\":" + ints(1, 1, 1, 1) + ",\"padding\":" + s("SAME")
                        + "}", "x", "w");
        float[] in = new float[9];
        java.util.Arrays.fill(in, 1f);
        float[] out = OnnxRunner.run(convert(b), "x", in, 1, 3, 3, 1);
        assertArrayEquals(new float[] {4, 6, 4, 6, 9, 6, 4, 6, 4}, out);
    }

    @Test
    void stridedSliceHonoursBeginEndAndShrinkMasks() throws Exception {
        TfjsModelBuilder b = new TfjsModelBuilder()
                .placeholder("x", 1, -1, 4, 4, 2)
                .constInt("begin", new long[] {4}, 0, 1, 0, 1)
                .constInt("end", new long[] {4}, 0, 3, 0, 2)
                .constInt("strides", new long[] {4}, 1, 1, 2, 1)
                // axes 0 and 2 whole (begin and end masks), rows 1..2, every other column, channel 1 squeezed
                .op("y", "StridedSlice", "{\"begin_mask\":{\"i\":\"5\"},\"end_mask\":{\"i\":\"5\"},"
                        + "\"shrink_axis_mask\":{\"i\":\"8\"}}", "x", "begin", "end", "strides");
        float[] x = new float[32];
        for (int i = 0; i < 32; i++) {
            x[i] = i; // x[0][r][c][ch] = (4r + c)·2 + ch
        }
        float[] out = OnnxRunner.run(convert(b), "x", x, 1, 4, 4, 2);
        assertArrayEquals(new float[] {9, 13, 17, 21}, out);
    }

    @Test
    void resizeBilinearUsesTfLegacyAsymmetricCoordinates() throws Exception {
        TfjsModelBuilder b = new TfjsModelBuilder()
                .placeholder("x", 1, -1, 2, 2, 1)
                .constInt("size", new long[] {2}, 4, 4)
                .op("y", "ResizeBilinear", "{\"align_corners\":{\"b\":false}}", "x", "size");
        // source = dst · in/out = dst · 0.5, clamped at the last pixel (no half-pixel centres)
        float[] out = OnnxRunner.run(convert(b), "x", new float[] {0, 10, 20, 30}, 1, 2, 2, 1);
        assertArrayEquals(new float[] {
            0, 5, 10, 10,
            10, 15, 20, 20,
            20, 25, 30, 30,
            20, 25, 30, 30}, out);
    }

    @Test
    void quantizedWeightsAreDequantizedOnLoad() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode u8 = json.createObjectNode().put("dtype", "uint8").put("scale", 0.5).put("min", -1.0);
        ObjectNode u16 = json.createObjectNode().put("dtype", "uint16").put("scale", 0.001).put("min", 0.0);
        ObjectNode f16 = json.createObjectNode().put("dtype", "float16");
        ByteBuffer raw16 = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN);
        raw16.putShort((short) 0).putShort((short) 1000).putShort((short) 65535);
        ByteBuffer half = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN);
        half.putShort((short) 0x3C00).putShort((short) 0xC000).putShort((short) 0x3555);
        TfjsModelBuilder b = new TfjsModelBuilder()
                .placeholder("x", 1, -1, 1, 1, 9)
                .constRaw("q8", new long[] {3}, "float32", new byte[] {0, 2, (byte) 255}, u8)
                .constRaw("q16", new long[] {3}, "float32", raw16.array(), u16)
                .constRaw("h", new long[] {3}, "float32", half.array(), f16)
                .constInt("axis", new long[0], 0)
                .op("c", "ConcatV2", "{\"N\":{\"i\":\"3\"}}", "q8", "q16", "h", "axis")
                .op("y", "Add", "{}", "x", "c");
        float[] out = OnnxRunner.run(convert(b), "x", new float[9], 1, 1, 1, 9);
        assertArrayEquals(new float[] {
            -1f, 0f, (float) (255 * 0.5 - 1),
            0f, (float) (1000 * 0.001), (float) (65535 * 0.001),
            1f, -2f, 0.33325195f}, out);
    }
}
