package dev.lookout.track.zones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.detect.Detection;
import dev.lookout.track.Track;
import dev.lookout.track.Tracks;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text form the window saves lines and zones in reads back to the same geometry (through the --line/--zone
 * parser), and editing the regions of a running counter keeps the counts of those left unchanged.
 */
class RegionsTest {

    @Test
    void theTextFormReadsBackThroughTheOptionParser() {
        Regions r = new Regions(List.of(RegionParser.line("gate:0.1,0.5,0.9,0.5"), RegionParser.line("door:40,300,700,310")),
                List.of(new Zone("yard", new double[] {0.123456789, 0.9, 0.5}, new double[] {0.2, 0.2, 0.8}, true)));
        String text = r.format();
        assertEquals("line gate:0.1,0.5,0.9,0.5\nline door:40,300,700,310\nzone yard:0.12346,0.2;0.9,0.2;0.5,0.8\n",
                text);
        Regions back = Regions.parse(text);
        assertEquals(r, back, "equal at the stored precision");
        assertTrue(back.lines().get(0).fractions());
        assertTrue(!back.lines().get(1).fractions(), "pixels stay pixels");
        assertEquals(List.of("gate", "door", "yard"), back.names());
        assertEquals(Regions.NONE, Regions.parse(""));
    }

    @Test
    void badTextAndSharedNamesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Regions.parse("line gate:1,2,3\n"));
        assertTrue(e.getMessage().contains("--line gate:1,2,3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Regions.parse("circle c:1,2,3\n"));
        e = assertThrows(IllegalArgumentException.class, () -> new Regions(List.of(RegionParser.line("a:0,0,1,1")),
                List.of(RegionParser.zone("a:0,0;1,0;1,1"))));
        assertEquals("two lines or zones are called 'a'", e.getMessage());
    }

    private static Track at(long id, double x, double bottom) {
        Detection d = new Detection(x - 10, bottom - 40, 20, 40, "person", 0.9);
        return new Track(id, d, 0, false, 0, d);
    }

    @Test
    void editingKeepsTheCountsOfUnchangedLinesAndZones() {
        CountingLine gate = RegionParser.line("gate:50,0,50,100");
        Zone yard = RegionParser.zone("yard:60,0;100,0;100,100;60,100");
        RegionCounter counter = new RegionCounter(List.of(gate), List.of(yard));
        counter.update(new Tracks(0, List.of(at(1, 20, 50)), List.of()), 100, 100);
        List<CountEvent> changes = counter.update(new Tracks(1, List.of(at(1, 80, 50)), List.of()), 100, 100);
        assertEquals(2, changes.size(), "crossed the gate and entered the yard: " + changes);

        // A new line is added, the zone is redrawn elsewhere: the gate keeps its count, the others start at 0.
        CountingLine exit = RegionParser.line("exit:0,90,100,90");
        Zone moved = RegionParser.zone("yard:0,0;40,0;40,100;0,100");
        counter.replace(List.of(gate, exit), List.of(moved));
        // (looking from (50,0) down to (50,100), left to right across it is from its right to its left: out)
        assertEquals(1, counter.lines().get(0).counts("person")[1], "the gate's count is kept");
        assertEquals(0, counter.lines().get(1).classes().size());
        assertEquals(0, counter.zones().get(0).entries(), "a redrawn zone counts anew");
        RegionTotals totals = RegionTotals.of(counter);
        assertEquals(List.of("gate", "exit"), totals.lines().stream().map(RegionTotals.LineTotals::name).toList());
        assertEquals("gate in 0 · out 1   exit in 0 · out 0   yard 0 inside", totals.summary());
        // Walking back counts on the kept gate and enters the moved yard.
        counter.update(new Tracks(2, List.of(at(1, 20, 50)), List.of()), 100, 100);
        totals = RegionTotals.of(counter);
        assertEquals(1, totals.lines().get(0).in());
        assertEquals(1, totals.lines().get(0).out());
        assertEquals(1, totals.zones().get(0).inside());
        assertEquals(java.util.Map.of("person", 1), totals.zones().get(0).insideByClass());
    }
}
