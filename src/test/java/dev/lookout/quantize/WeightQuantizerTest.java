package dev.lookout.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class WeightQuantizerTest {

    @Test
    void eachOutputChannelGetsItsOwnSymmetricScale() {
        float[] w = {0.4f, -1.0f, 0.2f, /* channel 1 */ 0.02f, 0.012f, -0.004f};
        WeightQuantizer.Quantized q = WeightQuantizer.perChannel(new long[] {2, 3, 1, 1}, w, false);
        assertArrayEquals(new float[] {1.0f / 127, 0.02f / 127}, q.scales(), 1e-9f);
        assertArrayEquals(new byte[] {51, -127, 25, 127, 76, -25}, q.values());
    }

    @Test
    void reducedRangeUsesSevenBits() {
        WeightQuantizer.Quantized q = WeightQuantizer.perChannel(new long[] {1, 2}, new float[] {-2f, 0.8f}, true);
        assertArrayEquals(new byte[] {-63, 25}, q.values());
        assertEquals(2f / 63, q.scales()[0], 1e-9f);
    }

    @Test
    void aChannelOfZerosStaysZeroWithScaleOne() {
        WeightQuantizer.Quantized q = WeightQuantizer.perChannel(new long[] {1, 2}, new float[] {0f, 0f}, false);
        assertArrayEquals(new byte[] {0, 0}, q.values());
        assertEquals(1f, q.scales()[0]);
    }

    @Test
    void biasIsInt32AtTheProductScale() {
        byte[] b = WeightQuantizer.bias(new float[] {0.5f, -0.25f}, new float[] {0.001f, 0.01f});
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(500, buf.getInt());
        assertEquals(-25, buf.getInt());
    }

    @Test
    void activationRangesHoldZeroAndRoundOutwards() {
        ActivationRange r = ActivationRange.rounded(0.3, 5.99);
        assertEquals(0f, r.min());
        assertEquals(6.0f, r.max(), 1e-6f); // 5.99 rounded up at 7 significant bits: 6.0
        assertEquals(0, r.zeroPoint());
        ActivationRange signed = ActivationRange.rounded(-1, 3);
        assertEquals(64, signed.zeroPoint());
    }
}
