package dev.lookout.convert;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.lookout.testsupport.RawOutputs;
import dev.lookout.testsupport.TestData;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped {@code model.onnx} gives TF.js's own raw outputs on the reference images, within 1e-4. */
@IntegrationTest
class RawOutputParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"dog", "person"})
    void shippedModelMatchesTfjsRawOutputs(String name) throws Exception {
        Path reference = TestData.reference();
        BufferedImage image = ImageIO.read(reference.resolve("images/" + name + ".png").toFile());
        int w = image.getWidth();
        int h = image.getHeight();
        ByteBuffer rgb = ByteBuffer.allocateDirect(w * h * 3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = image.getRGB(x, y);
                rgb.put((byte) (p >> 16)).put((byte) (p >> 8)).put((byte) p);
            }
        }
        rgb.flip();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(TestData.modelDir().resolve("model.onnx").toString(), options);
                OnnxTensor input = OnnxTensor.createTensor(env, rgb, new long[] {1, h, w, 3},
                        ai.onnxruntime.OnnxJavaType.UINT8);
                OrtSession.Result result = session.run(Map.of("image_tensor", input))) {
            OnnxTensor scores = (OnnxTensor) result.get("scores").orElseThrow();
            OnnxTensor boxes = (OnnxTensor) result.get("boxes").orElseThrow();
            assertArrayEquals(new long[] {1, 1917, 90}, scores.getInfo().getShape());
            assertArrayEquals(new long[] {1, 1917, 1, 4}, boxes.getInfo().getShape());
            RawOutputs.assertClose(reference.resolve("raw/" + name + ".scores.f32"), scores.getFloatBuffer(), 1e-4, "");
            RawOutputs.assertClose(reference.resolve("raw/" + name + ".boxes.f32"), boxes.getFloatBuffer(), 1e-4, "");
        }
    }
}
