package dev.lookout.monitor;

import dev.lookout.config.CameraConfig;
import dev.lookout.config.Line;
import dev.lookout.config.Point;
import dev.lookout.config.Polygon;
import dev.lookout.track.zones.CountingLine;
import dev.lookout.track.zones.Regions;
import dev.lookout.track.zones.Zone;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A camera's counting lines and zones in both forms: {@code lookout.yml}'s ({@link Line}, {@link Polygon} by name,
 * as {@link CameraConfig} holds them) and the tracker's ({@link Regions}, which a window's editor draws). Names,
 * order, corners and whether they are fractions of the frame or pixels are kept both ways.
 */
public final class CameraRegions {

    private CameraRegions() {
    }

    /** The camera's lines and zones as the tracker counts them. */
    public static Regions of(CameraConfig camera) {
        return of(camera.lines(), camera.zones());
    }

    /** These configured lines and zones as the tracker counts them. */
    public static Regions of(Map<String, Line> lines, Map<String, Polygon> zones) {
        List<CountingLine> counting = new ArrayList<>();
        lines.forEach((name, l) -> counting.add(new CountingLine(name, l.from().x(), l.from().y(), l.to().x(),
                l.to().y(), l.fractions())));
        List<Zone> areas = new ArrayList<>();
        zones.forEach((name, polygon) -> {
            List<Point> points = polygon.points();
            double[] xs = new double[points.size()];
            double[] ys = new double[points.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = points.get(i).x();
                ys[i] = points.get(i).y();
            }
            areas.add(new Zone(name, xs, ys, polygon.fractions()));
        });
        return new Regions(counting, areas);
    }

    /** The lines of {@code regions} as {@code lines:} of a camera, by name in their order. */
    public static Map<String, Line> lines(Regions regions) {
        Map<String, Line> lines = new LinkedHashMap<>();
        for (CountingLine l : regions.lines()) {
            lines.put(l.name(), new Line(new Point(l.x1(), l.y1()), new Point(l.x2(), l.y2()), l.fractions()));
        }
        return lines;
    }

    /** The zones of {@code regions} as {@code zones:} of a camera, by name in their order. */
    public static Map<String, Polygon> zones(Regions regions) {
        Map<String, Polygon> zones = new LinkedHashMap<>();
        for (Zone z : regions.zones()) {
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < z.xs().length; i++) {
                points.add(new Point(z.xs()[i], z.ys()[i]));
            }
            zones.put(z.name(), new Polygon(points, z.fractions()));
        }
        return zones;
    }
}
