package dev.lookout.ui;

import dev.lookout.overlay.RegionPainter;
import dev.lookout.track.zones.CountingLine;
import dev.lookout.track.zones.Regions;
import dev.lookout.track.zones.Zone;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.KeyStroke;

/**
 * The layer above the overlay where counting lines and zones are drawn with the mouse. It is visible (and takes
 * the mouse) only while a {@link Mode} other than {@code OFF} is on:
 * <ul>
 * <li>{@code LINE}: drag from the first point to the second; the arrow shows the {@code in} side (the right, looking
 * from the first point);
 * <li>{@code ZONE}: click the corners; a double-click or Enter closes the polygon (3 corners at least), Backspace
 * takes the last corner back, Esc drops it;
 * <li>{@code EDIT}: click a line or zone to select it, drag a corner (or the whole shape), Delete removes it, a
 * double-click or the right-click menu renames it ({@link RegionMenu}).
 * </ul>
 * Geometry is kept in the source frame's pixels while editing and handed on as fractions of the frame, so it does
 * not depend on the window's size. Every finished change goes to {@code onChange}. Event thread only.
 */
public final class RegionEditor extends JComponent {

    /** What the mouse does. */
    public enum Mode { OFF, LINE, ZONE, EDIT }

    /**
     * The picture the editor lies over, which it fills exactly: the size of its frames (0 before the first), mapped
     * into the view as {@link VideoGeometry#frameToView} maps them.
     */
    public interface Picture {
        /** The width of the frame shown, in pixels, or 0 while none is. */
        int frameWidth();

        /** The height of the frame shown, in pixels, or 0 while none is. */
        int frameHeight();
    }

    private static final double GRAB = 9; // view pixels
    private static final Color HANDLE = new Color(255, 255, 255);
    private static final Color SELECTED = new Color(80, 200, 255);

    private final Picture video;
    private final RegionPainter painter = new RegionPainter();
    private final Consumer<Regions> onChange;
    private Regions regions = Regions.NONE;
    private Mode mode = Mode.OFF;
    private Consumer<Mode> onMode = m -> { };
    // in frame pixels while editing
    private Point2D lineStart;
    private Point2D lineEnd;
    private final List<Point2D> corners = new ArrayList<>();
    private Point2D hover;
    private String selected;
    private int dragCorner = -1;
    private Point2D dragFrom;
    private double[][] dragOriginal;
    private boolean dragged;

    /** An editor over {@code video}; finished changes go to {@code onChange}. */
    public RegionEditor(Picture video, Consumer<Regions> onChange) {
        this.video = video;
        this.onChange = onChange;
        setOpaque(false);
        setVisible(false);
        setFocusable(true);
        Mouse mouse = new Mouse();
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
        key("ENTER", "close", this::closeZone);
        key("ESCAPE", "cancel", () -> setMode(Mode.OFF));
        key("BACK_SPACE", "back", this::backspace);
        key("DELETE", "delete", this::deleteSelected);
    }

    private void key(String stroke, String name, Runnable action) {
        getInputMap(WHEN_FOCUSED).put(KeyStroke.getKeyStroke(stroke), name);
        getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                action.run();
            }
        });
    }

    // ------------------------------------------------------------------ state

    /** The lines and zones as they are now. */
    public Regions regions() {
        return regions;
    }

    /** Shows these lines and zones (another source's, or the command line's) without reporting a change. */
    public void setRegions(Regions value) {
        regions = value;
        if (selected != null && !value.names().contains(selected)) {
            selected = null;
        }
        repaint();
    }

    public Mode mode() {
        return mode;
    }

    /** Who hears mode changes (the menu's check marks). */
    public void onModeChange(Consumer<Mode> listener) {
        onMode = listener;
    }

    /** Switches the mouse's job; {@code OFF} hides the layer. Unfinished drawing is dropped. */
    public void setMode(Mode value) {
        mode = value;
        lineStart = null;
        lineEnd = null;
        corners.clear();
        dragCorner = -1;
        dragFrom = null;
        if (value != Mode.EDIT) {
            selected = null;
        }
        setVisible(value != Mode.OFF);
        if (value != Mode.OFF) {
            requestFocusInWindow();
        }
        repaint();
        onMode.accept(value);
    }

    /** Adds the items that switch the mouse's job (draw a line, a zone, edit, done) to {@code menu}. */
    public void addModeItems(javax.swing.JPopupMenu menu) {
        menu.add(modeItem("Draw a counting line", Mode.LINE));
        menu.add(modeItem("Draw a zone", Mode.ZONE));
        menu.add(modeItem("Edit, rename or delete lines and zones", Mode.EDIT));
        menu.add(modeItem("Done editing", Mode.OFF));
    }

    private javax.swing.JMenuItem modeItem(String text, Mode value) {
        javax.swing.JMenuItem item = new javax.swing.JMenuItem(text);
        item.addActionListener(e -> setMode(value));
        return item;
    }

    /** The selected line or zone's name, or null. */
    String selected() {
        return selected;
    }

    /** Selects a line or zone by name (null: none). */
    void select(String name) {
        selected = name != null && regions.names().contains(name) ? name : null;
        repaint();
    }

    /**
     * Renames the selected line or zone.
     *
     * @return null when done, else why not (a name in use, or not 1 to 40 letters, digits, '_', '.' or '-')
     */
    String renameSelected(String newName) {
        if (selected == null) {
            return "select a line or zone first";
        }
        String name = newName == null ? "" : newName.strip();
        if (!name.matches("[A-Za-z0-9_.-]{1,40}")) {
            return "a name is 1 to 40 letters, digits, '_', '.' or '-'";
        }
        if (!name.equals(selected) && regions.names().contains(name)) {
            return "'" + name + "' is taken";
        }
        String old = selected;
        List<CountingLine> lines = new ArrayList<>();
        for (CountingLine l : regions.lines()) {
            lines.add(l.name().equals(old) ? new CountingLine(name, l.x1(), l.y1(), l.x2(), l.y2(), l.fractions()) : l);
        }
        List<Zone> zones = new ArrayList<>();
        for (Zone z : regions.zones()) {
            zones.add(z.name().equals(old) ? new Zone(name, z.xs(), z.ys(), z.fractions()) : z);
        }
        selected = name;
        commit(new Regions(lines, zones));
        return null;
    }

    /** Turns the selected line round (its {@code in} side becomes {@code out}). */
    void reverseSelected() {
        List<CountingLine> lines = new ArrayList<>();
        for (CountingLine l : regions.lines()) {
            lines.add(l.name().equals(selected)
                    ? new CountingLine(l.name(), l.x2(), l.y2(), l.x1(), l.y1(), l.fractions()) : l);
        }
        commit(new Regions(lines, regions.zones()));
    }

    /** Deletes the selected line or zone. */
    void deleteSelected() {
        if (selected == null || mode != Mode.EDIT) {
            return;
        }
        String gone = selected;
        selected = null;
        commit(new Regions(regions.lines().stream().filter(l -> !l.name().equals(gone)).toList(),
                regions.zones().stream().filter(z -> !z.name().equals(gone)).toList()));
    }

    private void commit(Regions value) {
        regions = value;
        repaint();
        onChange.accept(value);
    }

    private String freeName(String stem) {
        for (int i = 1; ; i++) {
            String name = stem + "-" + i;
            if (!regions.names().contains(name)) {
                return name;
            }
        }
    }

    // ------------------------------------------------------------------ geometry

    private int frameW() {
        return video.frameWidth();
    }

    private int frameH() {
        return video.frameHeight();
    }

    private AffineTransform frameToView() {
        return VideoGeometry.frameToView(frameW(), frameH(), getWidth(), getHeight());
    }

    /** A mouse position in frame pixels, clamped to the frame; null without a frame. */
    private Point2D toFrame(MouseEvent e) {
        if (frameW() <= 0 || frameH() <= 0) {
            return null;
        }
        try {
            Point2D p = frameToView().inverseTransform(e.getPoint(), null);
            return new Point2D.Double(Math.max(0, Math.min(frameW(), p.getX())),
                    Math.max(0, Math.min(frameH(), p.getY())));
        } catch (NoninvertibleTransformException ex) {
            return null;
        }
    }

    private double viewDistance(Point2D a, Point2D b) {
        AffineTransform t = frameToView();
        return t.transform(a, null).distance(t.transform(b, null));
    }

    /** The regions' corners in frame pixels: per name, {xs, ys}. */
    private double[][] cornersOf(String name) {
        for (CountingLine l : regions.lines()) {
            if (l.name().equals(name)) {
                CountingLine p = l.inPixels(frameW(), frameH());
                return new double[][] {{p.x1(), p.x2()}, {p.y1(), p.y2()}};
            }
        }
        for (Zone z : regions.zones()) {
            if (z.name().equals(name)) {
                Zone p = z.inPixels(frameW(), frameH());
                return new double[][] {p.xs(), p.ys()};
            }
        }
        return null;
    }

    /** Replaces {@code name}'s corners (frame pixels), as fractions of the frame. */
    private Regions withCorners(String name, double[] xs, double[] ys) {
        double w = frameW();
        double h = frameH();
        double[] fx = new double[xs.length];
        double[] fy = new double[ys.length];
        for (int i = 0; i < xs.length; i++) {
            fx[i] = Math.max(0, Math.min(1, xs[i] / w));
            fy[i] = Math.max(0, Math.min(1, ys[i] / h));
        }
        List<CountingLine> lines = new ArrayList<>();
        for (CountingLine l : regions.lines()) {
            lines.add(l.name().equals(name) ? new CountingLine(name, fx[0], fy[0], fx[1], fy[1], true) : l);
        }
        List<Zone> zones = new ArrayList<>();
        for (Zone z : regions.zones()) {
            zones.add(z.name().equals(name) ? new Zone(name, fx, fy, true) : z);
        }
        return new Regions(lines, zones);
    }

    /** The line or zone under {@code p} (frame pixels): a corner of the selection first, then lines, then zones. */
    private String hit(Point2D p) {
        for (CountingLine l : regions.lines()) {
            CountingLine px = l.inPixels(frameW(), frameH());
            if (distanceToSegment(p, px.x1(), px.y1(), px.x2(), px.y2()) <= GRAB) {
                return l.name();
            }
        }
        for (Zone z : regions.zones()) {
            Zone px = z.inPixels(frameW(), frameH());
            if (px.contains(p.getX(), p.getY()) || cornerAt(px.xs(), px.ys(), p) >= 0) {
                return z.name();
            }
        }
        return null;
    }

    private double distanceToSegment(Point2D p, double x1, double y1, double x2, double y2) {
        AffineTransform t = frameToView();
        Point2D a = t.transform(new Point2D.Double(x1, y1), null);
        Point2D b = t.transform(new Point2D.Double(x2, y2), null);
        return new java.awt.geom.Line2D.Double(a, b).ptSegDist(t.transform(p, null));
    }

    private int cornerAt(double[] xs, double[] ys, Point2D p) {
        for (int i = 0; i < xs.length; i++) {
            if (viewDistance(new Point2D.Double(xs[i], ys[i]), p) <= GRAB) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ drawing with the mouse

    private void closeZone() {
        if (mode != Mode.ZONE || corners.size() < 3) {
            return;
        }
        double[] xs = new double[corners.size()];
        double[] ys = new double[corners.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = corners.get(i).getX() / frameW();
            ys[i] = corners.get(i).getY() / frameH();
        }
        corners.clear();
        List<Zone> zones = new ArrayList<>(regions.zones());
        zones.add(new Zone(freeName("zone"), xs, ys, true));
        commit(new Regions(regions.lines(), zones));
    }

    private void backspace() {
        if (mode == Mode.ZONE && !corners.isEmpty()) {
            corners.remove(corners.size() - 1);
            repaint();
        } else {
            deleteSelected();
        }
    }

    private final class Mouse extends MouseAdapter {
        @Override
        public void mousePressed(MouseEvent e) {
            requestFocusInWindow();
            Point2D p = toFrame(e);
            if (p == null) {
                return;
            }
            switch (mode) {
                case LINE -> {
                    lineStart = p;
                    lineEnd = p;
                }
                case ZONE -> {
                    if (e.getClickCount() >= 2) {
                        closeZone(); // the double-click's first click placed the last corner
                    } else if (corners.isEmpty() || viewDistance(corners.get(corners.size() - 1), p) > 2) {
                        corners.add(p);
                    }
                }
                case EDIT -> pressInEdit(e, p);
                default -> { }
            }
            repaint();
        }

        private void pressInEdit(MouseEvent e, Point2D p) {
            double[][] sel = selected != null ? cornersOf(selected) : null;
            int corner = sel != null ? cornerAt(sel[0], sel[1], p) : -1;
            if (corner < 0) {
                selected = hit(p);
                sel = selected != null ? cornersOf(selected) : null;
                corner = sel != null ? cornerAt(sel[0], sel[1], p) : -1;
            }
            if (selected == null) {
                return;
            }
            if (e.isPopupTrigger() || javax.swing.SwingUtilities.isRightMouseButton(e)) {
                new RegionMenu(RegionEditor.this).show(e.getX(), e.getY());
                return;
            }
            if (e.getClickCount() == 2) {
                RegionMenu.askName(RegionEditor.this);
                return;
            }
            dragCorner = corner;
            dragFrom = p;
            dragOriginal = sel;
            dragged = false;
        }

        @Override
        public void mouseDragged(MouseEvent e) {
            Point2D p = toFrame(e);
            if (p == null) {
                return;
            }
            if (mode == Mode.LINE && lineStart != null) {
                lineEnd = p;
            } else if (mode == Mode.EDIT && dragFrom != null && selected != null) {
                double[] xs = dragOriginal[0].clone();
                double[] ys = dragOriginal[1].clone();
                double dx = p.getX() - dragFrom.getX();
                double dy = p.getY() - dragFrom.getY();
                for (int i = 0; i < xs.length; i++) {
                    if (dragCorner < 0 || dragCorner == i) {
                        xs[i] = Math.max(0, Math.min(frameW(), xs[i] + dx));
                        ys[i] = Math.max(0, Math.min(frameH(), ys[i] + dy));
                    }
                }
                if (xs.length != 2 || xs[0] != xs[1] || ys[0] != ys[1]) {
                    regions = withCorners(selected, xs, ys);
                    dragged = true;
                }
            }
            repaint();
        }

        @Override
        public void mouseReleased(MouseEvent e) {
            if (mode == Mode.LINE && lineStart != null) {
                Point2D end = toFrame(e);
                if (end != null && viewDistance(lineStart, end) >= 10) {
                    List<CountingLine> lines = new ArrayList<>(regions.lines());
                    lines.add(new CountingLine(freeName("line"), lineStart.getX() / frameW(),
                            lineStart.getY() / frameH(), end.getX() / frameW(), end.getY() / frameH(), true));
                    commit(new Regions(lines, regions.zones()));
                }
                lineStart = null;
                lineEnd = null;
            } else if (mode == Mode.EDIT && dragFrom != null) {
                dragFrom = null;
                if (dragged) {
                    commit(regions);
                }
            }
            repaint();
        }

        @Override
        public void mouseMoved(MouseEvent e) {
            hover = toFrame(e);
            if (mode == Mode.ZONE && !corners.isEmpty()) {
                repaint();
            }
        }
    }

    // ------------------------------------------------------------------ painting

    @Override
    protected void paintComponent(Graphics graphics) {
        if (mode == Mode.OFF || frameW() <= 0) {
            return;
        }
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            AffineTransform toView = frameToView();
            Graphics2D frameG = (Graphics2D) g.create();
            frameG.transform(toView);
            for (CountingLine l : regions.lines()) {
                CountingLine p = l.inPixels(frameW(), frameH());
                painter.paintLine(frameG, p.x1(), p.y1(), p.x2(), p.y2(), l.name());
            }
            for (Zone z : regions.zones()) {
                Zone p = z.inPixels(frameW(), frameH());
                painter.paintZone(frameG, p.xs(), p.ys(), z.name());
            }
            if (lineStart != null && lineEnd != null && !lineStart.equals(lineEnd)) {
                painter.paintLine(frameG, lineStart.getX(), lineStart.getY(), lineEnd.getX(), lineEnd.getY(),
                        "new line");
            }
            frameG.dispose();
            paintCornersInProgress(g, toView);
            double[][] sel = selected != null ? cornersOf(selected) : null;
            if (sel != null) {
                paintHandles(g, toView, sel);
            }
            paintHint(g);
        } finally {
            g.dispose();
        }
    }

    private void paintCornersInProgress(Graphics2D g, AffineTransform toView) {
        if (corners.isEmpty()) {
            return;
        }
        g.setColor(SELECTED);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1, new float[] {6, 4}, 0));
        Point2D prev = null;
        List<Point2D> path = new ArrayList<>(corners);
        if (hover != null) {
            path.add(hover);
        }
        for (Point2D c : path) {
            Point2D v = toView.transform(c, null);
            if (prev != null) {
                g.draw(new java.awt.geom.Line2D.Double(prev, v));
            }
            prev = v;
        }
        double[] xs = corners.stream().mapToDouble(Point2D::getX).toArray();
        double[] ys = corners.stream().mapToDouble(Point2D::getY).toArray();
        paintHandles(g, toView, new double[][] {xs, ys});
    }

    private void paintHandles(Graphics2D g, AffineTransform toView, double[][] xy) {
        g.setStroke(new BasicStroke(2f));
        for (int i = 0; i < xy[0].length; i++) {
            Point2D v = toView.transform(new Point2D.Double(xy[0][i], xy[1][i]), null);
            Ellipse2D dot = new Ellipse2D.Double(v.getX() - 5, v.getY() - 5, 10, 10);
            g.setColor(HANDLE);
            g.fill(dot);
            g.setColor(SELECTED);
            g.draw(dot);
        }
    }

    private void paintHint(Graphics2D g) {
        String hint = switch (mode) {
            case LINE -> "Drag a counting line: the arrow points to its \"in\" side · Esc when done";
            case ZONE -> corners.isEmpty() ? "Click the corners of a zone · Esc when done"
                    : "Click more corners · double-click or Enter closes the zone · Backspace undoes one";
            case EDIT -> selected == null ? "Click a line or zone to select it · Esc when done"
                    : selected + ": drag a corner or the shape · Delete removes · double-click or right-click renames";
            default -> "";
        };
        g.setFont(getFont().deriveFont(Font.BOLD, 13f));
        var fm = g.getFontMetrics();
        int w = fm.stringWidth(hint) + 16;
        int x = (getWidth() - w) / 2;
        g.setColor(new Color(0, 0, 0, 170));
        g.fillRoundRect(x, 8, w, fm.getHeight() + 8, 10, 10);
        g.setColor(Color.WHITE);
        g.drawString(hint, x + 8, 12 + fm.getAscent());
    }

    /** The key binding of {@code keyCode} (e.g. {@code KeyEvent.VK_ENTER}) runs as if the key were pressed. */
    void pressKey(int keyCode) {
        Object name = getInputMap(WHEN_FOCUSED).get(KeyStroke.getKeyStroke(keyCode, 0));
        if (name != null) {
            getActionMap().get(name).actionPerformed(new java.awt.event.ActionEvent(this, 0, name.toString()));
        }
    }
}
