package dev.lookout.ui.wall;

/**
 * How many tiles a row of the camera wall holds: chosen by the number of cameras ({@link #AUTO}: 1 camera fills the
 * window, 2–4 make 2×2, 5–9 make 3×3, more make the smallest square that holds them all) or fixed by the user.
 * A fixed grid smaller than the cameras shows the first ones; keys 1–9 still enlarge any camera.
 */
public enum WallGrid {
    /** By the number of cameras. */
    AUTO("Automatic", 0),
    /** One camera. */
    ONE("1 camera", 1),
    /** Two by two. */
    TWO("2 × 2", 2),
    /** Three by three. */
    THREE("3 × 3", 3);

    private final String label;
    private final int fixedColumns;

    WallGrid(String label, int fixedColumns) {
        this.label = label;
        this.fixedColumns = fixedColumns;
    }

    /** The menu's name for this choice. */
    public String label() {
        return label;
    }

    /** Columns (and rows) of the grid for {@code cameras} cameras; at least 1. */
    public int columns(int cameras) {
        if (fixedColumns > 0) {
            return fixedColumns;
        }
        return Math.max(1, (int) Math.ceil(Math.sqrt(Math.max(1, cameras))));
    }

    /** How many of {@code cameras} cameras the grid shows. */
    public int shown(int cameras) {
        int c = columns(cameras);
        return Math.min(cameras, c * c);
    }
}
