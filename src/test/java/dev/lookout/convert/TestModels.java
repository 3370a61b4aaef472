package dev.lookout.convert;

import java.nio.file.Path;

/** Small TF.js models that tests outside this package write to disk. */
public final class TestModels {

    /** Writes {@code y = Relu6(x + c)} with {@code x: [1, 2, 3, c.length / 6]} float, in shards of {@code shardBytes}. */
    public void addRelu6Model(Path dir, float[] c, int shardBytes) throws Exception {
        new TfjsModelBuilder()
                .placeholder("x", 1, -1, 2, 3, c.length / 6)
                .constFloat("c", new long[] {2, 3, c.length / 6}, c)
                .op("sum", "AddV2", "{}", "x", "c")
                .op("y", "Relu6", "{}", "sum")
                .write(dir, shardBytes);
    }

    /** Replaces the model in {@code dir} by a graph using two unsupported op types, one twice. */
    public void addUnsupportedOpsModel(Path dir) throws Exception {
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path f : files.toList()) {
                java.nio.file.Files.delete(f);
            }
        }
        new TfjsModelBuilder()
                .placeholder("x", 1, -1, 4)
                .op("conv3d_1", "Conv3D", "{}", "x")
                .op("conv3d_2", "Conv3D", "{}", "conv3d_1")
                .op("fft", "FFT", "{}", "conv3d_2")
                .op("y", "Relu", "{}", "fft")
                .write(dir, 1 << 20);
    }
}
