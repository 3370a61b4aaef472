package dev.lookout.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.detect.Detection;
import dev.lookout.overlay.ClassColors;
import dev.lookout.track.zones.CountingLine;
import dev.lookout.track.zones.RegionCounter;
import dev.lookout.track.zones.Zone;
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

    @Test
    void paintsLinesAndZonesWithTheirCountsAsOfEachFrame() {
        RegionCounter regions = new RegionCounter(List.of(new CountingLine("gate", 200, 0, 200, 200, false)),
                List.of(new Zone("lot", new double[] {300, 390, 390, 300}, new double[] {20, 20, 180, 180}, false)));
        TrackOverlay overlay = new TrackOverlay(2).withRegions(regions);
        ByteTracker tracker = new ByteTracker();
        Tracks first = null;
        Tracks last = null;
        for (int f = 0; f <= 20; f++) {
            last = tracker.update(f / 10.0, List.of(new Detection(120 + 10 * f, 50, 30, 60, "dog", 0.9)));
            regions.update(last, 400, 200);
            overlay.show(last);
            first = first == null ? last : first;
        }
        assertEquals(1, regions.lines().get(0).counts("dog")[1], "crossed right to left of a downward line: out");
        BufferedImage now = paint(overlay, last);
        BufferedImage then = paint(overlay, first);
        assertEquals(new Color(255, 220, 0).getRGB(), now.getRGB(200, 150), "the line");
        // the first frame is painted as it was: no crossing yet, so the captions differ
        assertNotEquals(java.util.Arrays.toString(now.getRGB(200, 0, 150, 30, null, 0, 150)),
                java.util.Arrays.toString(then.getRGB(200, 0, 150, 30, null, 0, 150)));
    }

    private static BufferedImage paint(TrackOverlay overlay, Tracks frame) {
        BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        overlay.paint(g, List.of(frame.active().get(0).detection()), 400, 200);
        g.dispose();
        return image;
    }
}
