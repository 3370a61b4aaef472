package dev.lookout.convert.ops;

import static dev.lookout.convert.ops.Graphs.FLOAT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfjsConverter;
import dev.lookout.convert.TfjsModel;
import dev.lookout.convert.TfjsModelBuilder;
import dev.lookout.testsupport.IntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Non-max suppression and Where against TF.js; soft-NMS is refused by name. */
@IntegrationTest
class DynamicOpsTest {

    @TempDir
    Path dir;

    private static TfjsModelBuilder nms(float sigma) {
        // 12 boxes on a coarse grid, so that many overlap; scores from the seeded input
        float[] boxes = new float[48];
        for (int i = 0; i < 12; i++) {
            float y = (i / 4) * 0.2f;
            float x = (i % 4) * 0.15f;
            boxes[4 * i] = y;
            boxes[4 * i + 1] = x;
            boxes[4 * i + 2] = y + 0.3f;
            boxes[4 * i + 3] = x + 0.3f;
        }
        return new TfjsModelBuilder()
                .placeholder("scores", FLOAT, 12)
                .constFloat("boxes", new long[] {12, 4}, boxes)
                .constInt("max", new long[0], 5)
                .constFloat("iou", new long[0], 0.3f)
                .constFloat("min", new long[0], 0.2f)
                .constFloat("sigma", new long[0], sigma)
                .op("nms", "NonMaxSuppressionV5", "{}", "boxes", "scores", "max", "iou", "min", "sigma")
                .op("picked", "Identity", "{}", "nms")
                .op("pickedScores", "Identity", "{}", "nms:1");
    }

    @Test
    void hardNmsV5SelectsAsTfjs() throws Exception {
        TfjsParity.assertMatches(nms(0f), dir, "--range", "0,1");
    }

    @Test
    void softNmsIsRefusedNamingTheNode() throws Exception {
        nms(0.5f).write(dir.resolve("soft"), 1 << 20);
        ConversionException e = assertThrows(ConversionException.class,
                () -> TfjsConverter.convert(TfjsModel.load(dir.resolve("soft"))));
        assertEquals("node nms (NonMaxSuppressionV5) uses soft-NMS (sigma 0.5), which the converter does not"
                + " reproduce; only sigma 0 (hard NMS) is supported", e.getMessage());
    }

    @Test
    void whereGivesTheCoordinatesOfTrueElements() throws Exception {
        TfjsParity.assertMatches(new TfjsModelBuilder()
                .placeholder("x", FLOAT, 3, 4)
                .constFloat("half", new long[0], 0.5f)
                .op("big", "Greater", "{}", "x", "half")
                .op("coords", "Where", "{}", "big"),
                dir, "--range", "0,1");
    }
}
