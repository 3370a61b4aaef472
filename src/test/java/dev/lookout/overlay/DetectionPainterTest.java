package dev.lookout.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.detect.Detection;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The default overlay: outlines in class colours, labels that stay readable. */
class DetectionPainterTest {

    private static BufferedImage paint(List<Detection> detections, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            new DetectionPainter().paint(g, detections, w, h);
        } finally {
            g.dispose();
        }
        return image;
    }

    @Test
    void everyCocoClassHasItsOwnColour() {
        Set<Integer> colours = new HashSet<>();
        for (String name : List.of("person", "bicycle", "car", "motorcycle", "bus", "truck", "dog", "cat", "horse",
                "bird", "kite", "giraffe", "zebra")) {
            colours.add(ClassColors.of(name).getRGB());
        }
        assertEquals(13, colours.size());
        assertEquals(ClassColors.of("car"), ClassColors.of("car"), "stable");
    }

    @Test
    void outlineIsDrawnInTheClassColourAtTheBoxEdge() {
        BufferedImage image = paint(List.of(new Detection(40, 60, 100, 80, "dog", 0.9)), 300, 200);
        assertEquals(ClassColors.of("dog").getRGB(), image.getRGB(40, 120));
        assertEquals(ClassColors.of("dog").getRGB(), image.getRGB(140, 120));
        assertEquals(Color.BLACK.getRGB(), image.getRGB(90, 120), "inside the box stays transparent");
    }

    @Test
    void labelsOfNeighbouringBoxesDoNotCoverEachOther() {
        // Two cars side by side at the top right, as in vtest.avi: both labels would go in the same place.
        Detection a = new Detection(700, 20, 68, 60, "car", 0.82);
        Detection b = new Detection(637, 22, 80, 60, "car", 0.76);
        BufferedImage image = paint(List.of(a, b), 768, 576);
        Color label = ClassColors.of("car");
        // Count label-coloured rows above the boxes vs. below b: b's label must move (inside or below its box).
        int filledBelowTopOfB = 0;
        for (int y = 24; y < 110; y++) {
            if (image.getRGB(660, y) == label.getRGB()) {
                filledBelowTopOfB++;
            }
        }
        assertTrue(filledBelowTopOfB > 10, "b's label moved below its top edge: " + filledBelowTopOfB);
        assertNotEquals(label.getRGB(), image.getRGB(660, 5), "nothing of b's label above a's label row");
    }
}
