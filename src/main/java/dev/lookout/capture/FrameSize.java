package dev.lookout.capture;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A frame size in pixels, as asked for on the command line ({@code --size 1280x720}). */
public record FrameSize(int width, int height) {

    private static final Pattern WxH = Pattern.compile("\\s*(\\d{1,5})\\s*[xX×]\\s*(\\d{1,5})\\s*");

    /** Checks that both sides are positive. */
    public FrameSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a frame size needs a positive width and height, not "
                    + width + "x" + height);
        }
    }

    /**
     * Parses {@code WIDTHxHEIGHT}, e.g. {@code 1280x720}.
     *
     * @throws IllegalArgumentException with a message for the user when the text is not such a size
     */
    public static FrameSize parse(String text) {
        Matcher m = text == null ? null : WxH.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("a size is WIDTHxHEIGHT, e.g. 1280x720, not '" + text + "'");
        }
        return new FrameSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
