package dev.lookout.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.detect.Detection;
import dev.lookout.overlay.ClassColors;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackOverlayTest {

    @Test
    void paintsTheTrailBehindATrackAndLabelsItWithItsId() {
        TrackOverlay overlay = new TrackOverlay(2);
        ByteTracker tracker = new ByteTracker();
        Tracks last = null;
        for (int f = 0; f <= 20; f++) {
            last = tracker.update(f / 10.0, List.of(new Detection(50 + 10 * f, 50, 30, 60, "dog", 0.9)));
            overlay.show(last);
        }
        assertEquals("#1 dog 90%", TrackOverlay.label(1, last.active().get(0).detection()));
        BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        overlay.paint(g, List.of(last.active().get(0).detection()), 400, 200);
        g.dispose();
        // the trail runs along the feet (y = 110) from x = 65 (2 s ago, faded) to x = 265 (now): solid near now
        Color dog = ClassColors.of("dog");
        Color nearNow = new Color(image.getRGB(240, 110));
        assertTrue(Math.abs(nearNow.getRed() - dog.getRed()) < 40 && Math.abs(nearNow.getGreen() - dog.getGreen()) < 40
                && Math.abs(nearNow.getBlue() - dog.getBlue()) < 40, "trail near the object: " + nearNow);
        assertNotEquals(Color.BLACK.getRGB(), image.getRGB(150, 110), "older trail, fading");
        assertEquals(Color.BLACK.getRGB(), image.getRGB(150, 150), "nothing away from the path");
    }
}
