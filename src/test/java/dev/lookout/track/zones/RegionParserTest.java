package dev.lookout.track.zones;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionParserTest {

    @Test
    void linesInPixelsAndFractions() {
        CountingLine pixels = RegionParser.line("gate:100,400,1180,420");
        assertEquals(new CountingLine("gate", 100, 400, 1180, 420, false), pixels);
        CountingLine fractions = RegionParser.line("mid: 0.5,0,0.5,1");
        assertTrue(fractions.fractions());
        assertEquals(new CountingLine("mid", 640, 0, 640, 720, false), fractions.inPixels(1280, 720));
    }

    @Test
    void zonesInPixelsAndFractions() {
        Zone door = RegionParser.zone("door:0,0;0.5,0;0.5,0.5;0,0.5");
        assertTrue(door.fractions());
        Zone px = door.inPixels(200, 100);
        assertArrayEquals(new double[] {0, 100, 100, 0}, px.xs());
        assertArrayEquals(new double[] {0, 0, 50, 50}, px.ys());
        assertTrue(px.contains(50, 25));
        assertFalse(px.contains(150, 25));
        assertFalse(RegionParser.zone("lot:10,10;300,10;300,200").fractions());
    }

    @Test
    void malformedSpecsNameTheField() {
        assertEquals("--line gate:1,2,3: needs 4 numbers x1,y1,x2,y2 after the name, found 3",
                assertThrows(IllegalArgumentException.class, () -> RegionParser.line("gate:1,2,3")).getMessage());
        assertEquals("--line gate:1,2,x,4: x2 must be a number of pixels or a fraction 0..1, not 'x'",
                assertThrows(IllegalArgumentException.class, () -> RegionParser.line("gate:1,2,x,4")).getMessage());
        assertEquals("--line 1,2,3,4: expected NAME:x1,y1,x2,y2",
                assertThrows(IllegalArgumentException.class, () -> RegionParser.line("1,2,3,4")).getMessage());
        assertEquals("--line g:5,5,5,5: its two points are the same",
                assertThrows(IllegalArgumentException.class, () -> RegionParser.line("g:5,5,5,5")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RegionParser.line("a b:1,2,3,4"))
                .getMessage().contains("the name 'a b'"));
        assertEquals("--zone z:1,1;2,2: a zone needs at least 3 points x,y separated by ';', found 2",
                assertThrows(IllegalArgumentException.class, () -> RegionParser.zone("z:1,1;2,2")).getMessage());
        assertEquals("--zone z:1,1;2;3,3: point 2 ('2') must be x,y",
                assertThrows(IllegalArgumentException.class, () -> RegionParser.zone("z:1,1;2;3,3")).getMessage());
        assertEquals("--zone z:1,1;2,2;3,-3: y3 must be a number of pixels or a fraction 0..1, not '-3'",
                assertThrows(IllegalArgumentException.class, () -> RegionParser.zone("z:1,1;2,2;3,-3"))
                        .getMessage());
    }
}
