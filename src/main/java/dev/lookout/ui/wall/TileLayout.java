package dev.lookout.ui.wall;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.LayoutManager;

/**
 * Lays the tiles out as a square grid of {@link WallGrid#columns} columns in camera order, or, while one camera is
 * enlarged, that camera alone over the whole area. Tiles that do not fit are hidden (size 0), not removed, so
 * their frames keep flowing and a tile shows its newest picture the moment it comes back.
 */
final class TileLayout implements LayoutManager {

    private static final int GAP = 4;

    private WallGrid grid = WallGrid.AUTO;
    private int enlarged = -1;

    void setGrid(WallGrid value) {
        grid = value;
    }

    WallGrid grid() {
        return grid;
    }

    /** Enlarges the tile at {@code index}, or returns to the grid with -1. */
    void setEnlarged(int index) {
        enlarged = index;
    }

    int enlarged() {
        return enlarged;
    }

    @Override
    public void layoutContainer(Container parent) {
        int n = parent.getComponentCount();
        int w = parent.getWidth();
        int h = parent.getHeight();
        if (enlarged >= 0 && enlarged < n) {
            for (int i = 0; i < n; i++) {
                parent.getComponent(i).setBounds(0, 0, i == enlarged ? w : 0, i == enlarged ? h : 0);
                parent.getComponent(i).setVisible(i == enlarged);
            }
            return;
        }
        int cols = grid.columns(n);
        int rows = Math.max(1, (int) Math.ceil((double) grid.shown(n) / cols));
        int cellW = (w - GAP * (cols - 1)) / cols;
        int cellH = (h - GAP * (rows - 1)) / rows;
        int shown = grid.shown(n);
        for (int i = 0; i < n; i++) {
            Component c = parent.getComponent(i);
            if (i < shown) {
                c.setBounds((i % cols) * (cellW + GAP), (i / cols) * (cellH + GAP), cellW, cellH);
                c.setVisible(true);
            } else {
                c.setBounds(0, 0, 0, 0);
                c.setVisible(false);
            }
        }
    }

    @Override
    public Dimension preferredLayoutSize(Container parent) {
        return new Dimension(960, 620);
    }

    @Override
    public Dimension minimumLayoutSize(Container parent) {
        return new Dimension(320, 240);
    }

    @Override
    public void addLayoutComponent(String name, Component comp) {
    }

    @Override
    public void removeLayoutComponent(Component comp) {
    }
}
