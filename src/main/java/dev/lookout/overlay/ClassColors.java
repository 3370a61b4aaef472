package dev.lookout.overlay;

import java.awt.Color;
import java.util.List;

/** A stable, distinct colour per class name: the same class is always drawn in the same colour. */
public final class ClassColors {

    // Saturated hues that stay visible on dark and light scenes; labels get a dark or light text by luminance.
    private static final List<Color> PALETTE = List.of(
            new Color(0xFF3B30), new Color(0x34C759), new Color(0x007AFF), new Color(0xFF9500),
            new Color(0xAF52DE), new Color(0x00C7BE), new Color(0xFFCC00), new Color(0xFF2D55),
            new Color(0x5AC8FA), new Color(0xA2845E), new Color(0x30D158), new Color(0x5E5CE6),
            new Color(0xFF6482), new Color(0x64D2FF), new Color(0xFFD60A), new Color(0xBF5AF2));

    private ClassColors() {
    }

    /** The colour of {@code className}; a pure function of the name, so it is stable between runs. */
    public static Color of(String className) {
        int h = 0;
        for (int i = 0; i < className.length(); i++) {
            h = 31 * h + className.charAt(i);
        }
        return PALETTE.get(Math.floorMod(h, PALETTE.size()));
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        double luminance = 0.2126 * background.getRed() + 0.7152 * background.getGreen()
                + 0.0722 * background.getBlue();
        return luminance > 150 ? Color.BLACK : Color.WHITE;
    }
}
