package dev.lookout.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.lookout.config.ObjectFilters;
import dev.lookout.config.ObjectFilters.Limits;
import dev.lookout.config.Point;
import dev.lookout.config.Polygon;
import dev.lookout.detect.Detection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each filter key drops what it says and keeps the rest, on a 640x480 frame (307200 pixels). */
class ObjectFilterTest {

    private static final Detection SMALL = new Detection(10, 10, 20, 40, "person", 0.9); // 800 px, ratio 0.5
    private static final Detection LARGE = new Detection(100, 100, 300, 300, "person", 0.9); // 90000 px, ratio 1
    private static final Detection WIDE = new Detection(0, 300, 200, 50, "car", 0.6); // 10000 px, ratio 4
    private static final Detection FAINT = new Detection(300, 200, 50, 100, "person", 0.3); // 5000 px, ratio 0.5
    private static final List<Detection> ALL = List.of(SMALL, LARGE, WIDE, FAINT);

    private static final Optional<Double> NO = Optional.empty();

    private static Limits limits(Double minArea, Double maxArea, Double minRatio, Double maxRatio, Double minScore) {
        return new Limits(Optional.ofNullable(minArea), Optional.ofNullable(maxArea), Optional.ofNullable(minRatio),
                Optional.ofNullable(maxRatio), Optional.ofNullable(minScore), NO);
    }

    private static List<Detection> apply(Limits camera, List<Polygon> masks, Map<String, Limits> classes) {
        return new ObjectFilter(new ObjectFilters(camera, masks, classes)).apply(ALL, 640, 480);
    }

    @Test
    void noFiltersGiveBackTheDetectionsUnchanged() {
        assertSame(ALL, new ObjectFilter(ObjectFilters.NONE).apply(ALL, 640, 480));
    }

    @Test
    void minAreaIsAFractionOfTheFrameUpTo1AndPixelsAbove() {
        assertEquals(List.of(LARGE, WIDE, FAINT), apply(limits(0.01, null, null, null, null), List.of(), Map.of()),
                "0.01 of 307200 = 3072 px drops the 800 px box");
        assertEquals(List.of(LARGE, WIDE), apply(limits(6000.0, null, null, null, null), List.of(), Map.of()));
    }

    @Test
    void maxAreaDropsLargeBoxes() {
        assertEquals(List.of(SMALL, WIDE, FAINT), apply(limits(null, 0.2, null, null, null), List.of(), Map.of()),
                "0.2 of the frame = 61440 px drops the 90000 px box");
        assertEquals(List.of(SMALL), apply(limits(null, 1000.0, null, null, null), List.of(), Map.of()));
    }

    @Test
    void ratiosAreWidthOverHeight() {
        assertEquals(List.of(LARGE, WIDE), apply(limits(null, null, 0.8, null, null), List.of(), Map.of()));
        assertEquals(List.of(SMALL, LARGE, FAINT), apply(limits(null, null, null, 2.0, null), List.of(), Map.of()));
    }

    @Test
    void minScoreDropsFaintDetections() {
        assertEquals(List.of(SMALL, LARGE), apply(limits(null, null, null, null, 0.7), List.of(), Map.of()));
    }

    @Test
    void aClassesOwnValueOverridesTheCamerasAndTheOthersStillApply() {
        Limits camera = limits(null, null, null, null, 0.7);
        Limits car = limits(null, null, null, null, 0.5);
        assertEquals(List.of(SMALL, LARGE, WIDE), apply(camera, List.of(), Map.of("car", car)),
                "the car's 0.5 lets its 0.6 through; the person still needs 0.7");
        Limits person = limits(1000.0, null, null, null, null); // only the area: min_score stays the camera's
        assertEquals(List.of(LARGE), apply(camera, List.of(), Map.of("person", person)));
    }

    @Test
    void aMaskDropsADetectionWhoseBottomCentreIsInsideNotOneItOnlyOverlaps() {
        // the left half of the frame, in fractions
        Polygon left = new Polygon(List.of(new Point(0, 0), new Point(0.5, 0), new Point(0.5, 1), new Point(0, 1)),
                true);
        // LARGE spans x 100..400 and stands at 250, inside; this one overlaps the mask (x 260..460) but stands at
        // 360, outside; FAINT stands at 325, just outside
        Detection standingOutside = new Detection(260, 50, 200, 100, "person", 0.9);
        List<Detection> kept = new ObjectFilter(new ObjectFilters(Limits.NONE, List.of(left), Map.of()))
                .apply(List.of(LARGE, standingOutside, FAINT), 640, 480);
        assertEquals(List.of(standingOutside, FAINT), kept);
    }

    @Test
    void aPixelMaskIsUsedAsWritten() {
        Polygon feet = new Polygon(List.of(new Point(0, 400), new Point(640, 400), new Point(640, 480),
                new Point(0, 480)), false);
        List<Detection> kept = new ObjectFilter(new ObjectFilters(Limits.NONE, List.of(feet), Map.of()))
                .apply(ALL, 640, 480);
        assertEquals(List.of(SMALL, WIDE, FAINT), kept, "only LARGE stands at y 400..480");
    }
}
