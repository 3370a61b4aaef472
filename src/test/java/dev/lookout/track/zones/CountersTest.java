package dev.lookout.track.zones;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.detect.Detection;
import dev.lookout.track.EndedTrack;
import dev.lookout.track.Track;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountersTest {

    /** A track whose reference point (bottom centre) is at (x, y), with a 100 px high box. */
    private static Track at(long id, String cls, double x, double y) {
        Detection d = new Detection(x - 20, y - 100, 40, 100, cls, 0.9);
        return new Track(id, d, 0, false, 0, d);
    }

    @Test
    void jitterOnTheLineCountsOnce() {
        LineCounter counter = new LineCounter(new CountingLine("gate", 0, 300, 1000, 300, false));
        List<CountEvent> events = new ArrayList<>();
        double[] ys = {250, 270, 295, 305, 297, 306, 294, 303, 296, 330, 302, 340, 360};
        for (int i = 0; i < ys.length; i++) {
            counter.update(i, List.of(at(1, "person", 500, ys[i])), events);
        }
        assertEquals(1, events.size());
        CountEvent.Crossing c = (CountEvent.Crossing) events.get(0);
        assertEquals("in", c.direction()); // moving down a left-to-right line
        assertEquals(9, c.time());
        assertArrayEquals(new long[] {1, 0}, counter.counts("person"));
    }

    @Test
    void comingBackCountsOutAndPassingBesideTheEndsDoesNotCount() {
        LineCounter counter = new LineCounter(new CountingLine("gate", 100, 300, 600, 300, false));
        List<CountEvent> events = new ArrayList<>();
        counter.update(0, List.of(at(1, "person", 300, 200), at(2, "car", 800, 200)), events);
        counter.update(1, List.of(at(1, "person", 300, 400), at(2, "car", 800, 400)), events);
        counter.update(2, List.of(at(1, "person", 300, 200)), events);
        assertEquals(2, events.size());
        assertEquals("in", ((CountEvent.Crossing) events.get(0)).direction());
        assertEquals("out", ((CountEvent.Crossing) events.get(1)).direction());
        assertArrayEquals(new long[] {1, 1}, counter.counts("person"));
        assertArrayEquals(new long[] {0, 0}, counter.counts("car"));
    }

    @Test
    void zoneEntriesExitsAndDwell() {
        ZoneCounter zone = new ZoneCounter(new Zone("lot", new double[] {100, 500, 500, 100},
                new double[] {100, 100, 500, 500}, false));
        List<CountEvent> events = new ArrayList<>();
        zone.update(0, List.of(at(1, "car", 50, 300)), events);
        zone.update(1, List.of(at(1, "car", 150, 300)), events); // enters
        zone.update(2, List.of(at(1, "car", 97, 300), at(2, "person", 300, 300)), events); // 1 jitters on the edge
        zone.update(3, List.of(at(1, "car", 104, 300)), events);
        zone.update(4.5, List.of(at(1, "car", 60, 300)), events); // leaves
        assertEquals(1, zone.inside());
        assertEquals(2, zone.entries());
        assertEquals(1, zone.exits());
        assertEquals(3.5, zone.dwell(1, 10), 1e-12);
        CountEvent.ZoneChange exit = (CountEvent.ZoneChange) events.get(2);
        assertTrue(!exit.entered() && exit.trackId() == 1 && exit.dwellSeconds() == 3.5, exit.toString());
        zone.ended(List.of(new EndedTrack(2, "person", 7)), events);
        assertEquals(0, zone.inside());
        assertEquals(5, ((CountEvent.ZoneChange) events.get(3)).dwellSeconds(), 1e-12);
    }
}
