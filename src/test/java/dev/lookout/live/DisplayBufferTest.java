package dev.lookout.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.capture.OpenCv;
import dev.lookout.testsupport.Await;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/** Frames reach the display in order, a late display still gets every frame, and no shown image is overwritten. */
class DisplayBufferTest {

    private final DisplayBuffer buffer = new DisplayBuffer();
    private final List<Mat> mats = new ArrayList<>();

    @BeforeAll
    static void natives() {
        OpenCv.load();
    }

    @AfterEach
    void release() {
        mats.forEach(Mat::release);
        buffer.releaseScratch();
    }

    @Test
    void aLateDisplayStillShowsEveryFrameInOrder() {
        for (int i = 1; i <= DisplayBuffer.DEPTH; i++) {
            assertFalse(buffer.publish(frame(i), i, 0), DisplayBuffer.DEPTH + " may wait");
        }
        assertTrue(buffer.hasPending());
        assertEquals(1, buffer.take().sequence());
        assertFalse(buffer.publish(frame(9), 9, 0));
        for (int i = 2; i <= DisplayBuffer.DEPTH; i++) {
            assertEquals(i, buffer.take().sequence());
        }
        assertEquals(9, buffer.take().sequence());
        assertFalse(buffer.hasPending());
        assertNull(buffer.take());
    }

    @Test
    void aDisplayFurtherBehindLosesTheOldestWaitingFrame() {
        for (int i = 1; i <= DisplayBuffer.DEPTH; i++) {
            buffer.publish(frame(i), i, 0);
        }
        assertTrue(buffer.publish(frame(9), 9, 0), "one more than DEPTH drops the oldest");
        for (int i = 2; i <= DisplayBuffer.DEPTH; i++) {
            assertEquals(i, buffer.take().sequence());
        }
        assertEquals(9, buffer.take().sequence());
        assertNull(buffer.take());
    }

    @Test
    void theFrameOnScreenIsNeverWrittenOver() {
        buffer.publish(frame(10), 1, 0);
        DisplayBuffer.DisplayFrame onScreen = buffer.take();
        assertEquals(10, grey(onScreen));
        for (int i = 2; i <= 40; i++) {
            buffer.publish(frame(10 + i), i, 0);
            assertEquals(10, grey(onScreen), "frame on screen after " + i + " more frames");
        }
        // The newest wait, intact.
        for (int i = 40 - DisplayBuffer.DEPTH + 1; i <= 40; i++) {
            assertEquals(10 + i, grey(buffer.take()));
        }
    }

    @Test
    void clearForgetsWaitingFrames() {
        buffer.publish(frame(1), 1, 0);
        buffer.publish(frame(2), 2, 0);
        assertEquals(2, buffer.clear(), "two frames were waiting, never to be shown");
        assertEquals(0, buffer.clear());
        assertFalse(buffer.hasPending());
        assertNull(buffer.take());
    }

    @Test
    void releasingTheScratchWaitsForTheFrameBeingScaled() throws Exception {
        buffer.setTargetSize(16, 12);
        buffer.publish(frame(1), 1, 0); // scaled through the scratch Mat
        Thread ending = new Thread(buffer::releaseScratch, "ending capture");
        synchronized (buffer) { // as a newer capture thread does while it scales and copies a frame
            ending.start();
            Await.until(() -> ending.getState() == Thread.State.BLOCKED,
                    "the scratch is released only after the frame being scaled");
        }
        ending.join(30_000);
        assertFalse(ending.isAlive());
        buffer.publish(frame(2), 2, 0);
        buffer.take();
        DisplayBuffer.DisplayFrame scaled = buffer.take();
        assertEquals(16, scaled.image().getWidth(), "a frame after the release is scaled again");
        assertEquals(2, grey(scaled));
    }

    private Mat frame(int value) {
        Mat m = new Mat(24, 32, CvType.CV_8UC3, new Scalar(value, value, value));
        mats.add(m);
        return m;
    }

    private static int grey(DisplayBuffer.DisplayFrame f) {
        return f.image().getRaster().getSample(5, 5, 0);
    }
}
