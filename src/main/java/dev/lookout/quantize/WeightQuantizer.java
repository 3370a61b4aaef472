package dev.lookout.quantize;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Symmetric per-output-channel int8 quantization of convolution weights, and int32 quantization of their biases.
 * Values are rounded half to even; a channel of zeros gets scale 1.
 */
final class WeightQuantizer {

    /** int8 weights in the float tensor's layout and one scale per output channel (dimension 0). */
    record Quantized(byte[] values, float[] scales) {
    }

    private WeightQuantizer() {
    }

    /**
     * Quantizes {@code weights} of shape {@code dims} (output channels first) to [-127, 127], or to [-63, 63] with
     * {@code reducedRange} (7 bits, for CPUs whose u8×s8 multiply-add can saturate, x86 without VNNI).
     */
    static Quantized perChannel(long[] dims, float[] weights, boolean reducedRange) {
        int channels = (int) dims[0];
        int per = weights.length / channels;
        int qmax = reducedRange ? 63 : 127;
        byte[] q = new byte[weights.length];
        float[] scales = new float[channels];
        for (int c = 0; c < channels; c++) {
            float amax = 0;
            for (int i = c * per; i < (c + 1) * per; i++) {
                amax = Math.max(amax, Math.abs(weights[i]));
            }
            float scale = amax > 0 ? amax / qmax : 1f;
            scales[c] = scale;
            for (int i = c * per; i < (c + 1) * per; i++) {
                q[i] = (byte) Math.max(-qmax, Math.min(qmax, Math.rint(weights[i] / scale)));
            }
        }
        return new Quantized(q, scales);
    }

    /** Biases as int32 little-endian at the given per-channel scales (input scale × weight scale). */
    static byte[] bias(float[] bias, float[] scales) {
        ByteBuffer b = ByteBuffer.allocate(bias.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < bias.length; c++) {
            double v = Math.rint((double) bias[c] / scales[c]);
            b.putInt((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v)));
        }
        return b.array();
    }
}
