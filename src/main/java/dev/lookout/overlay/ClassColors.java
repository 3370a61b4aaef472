package dev.lookout.overlay;

import java.awt.Color;
import java.util.List;

/**
 * A stable, distinct colour per class: the same class is always drawn in the same colour, and the 80 COCO classes
 * each get their own hue.
 */
public final class ClassColors {

    /** Coco-SSD's 80 class names in COCO id order. */
    private static final List<String> COCO = dev.lookout.detect.CocoLabels.COCO_NAMES;

    /** The golden-ratio step spreads consecutive indices around the colour wheel, far from each other. */
    private static final double GOLDEN = 0.6180339887498949;

    private ClassColors() {
    }

    /** The colour of {@code className}; a pure function of the name, so it is stable between runs. */
    public static Color of(String className) {
        int index = COCO.indexOf(className);
        if (index < 0) {
            index = COCO.size() + Math.floorMod(className.hashCode(), 997);
        }
        // Start at cyan for person (the most common class), saturated and bright for dark and light scenes.
        float hue = (float) ((0.5 + index * GOLDEN) % 1.0);
        return Color.getHSBColor(hue, 0.85f, 0.95f);
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        double luminance = 0.2126 * background.getRed() + 0.7152 * background.getGreen()
                + 0.0722 * background.getBlue();
        return luminance > 150 ? Color.BLACK : Color.WHITE;
    }
}
