package dev.lookout.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Comparing a model output with TF.js's own raw output ({@code raw/NAME.scores.f32}, little-endian float32). */
public final class RawOutputs {

    private RawOutputs() {
    }

    /**
     * Asserts that {@code actual} has as many elements as {@code expectedFile} and that none differs by more than
     * {@code tolerance}; prints the largest difference, labelled with {@code what}.
     */
    public static void assertClose(Path expectedFile, FloatBuffer actual, double tolerance, String what)
            throws Exception {
        FloatBuffer expected = ByteBuffer.wrap(Files.readAllBytes(expectedFile)).order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer();
        assertEquals(expected.remaining(), actual.remaining(), "element count of " + expectedFile.getFileName());
        double worst = 0;
        int worstAt = -1;
        for (int i = 0; i < expected.remaining(); i++) {
            double d = Math.abs(expected.get(i) - actual.get(i));
            if (d > worst) {
                worst = d;
                worstAt = i;
            }
        }
        System.out.printf("%s%s: max |difference| %.3g at %d%n", expectedFile.getFileName(), what, worst, worstAt);
        assertTrue(worst <= tolerance, expectedFile.getFileName() + ": max difference " + worst + " at element "
                + worstAt + " exceeds " + tolerance);
    }
}
