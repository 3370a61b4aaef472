package dev.lookout.ui.wall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The grid's size by the number of cameras, and a fixed grid showing the first cameras. */
class WallGridTest {

    @Test
    void automaticGridGrowsWithTheCameras() {
        int[] expected = {1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4};
        for (int cameras = 0; cameras <= 10; cameras++) {
            assertEquals(expected[cameras], WallGrid.AUTO.columns(cameras), cameras + " cameras");
            assertEquals(cameras, WallGrid.AUTO.shown(cameras), "automatic shows every camera");
        }
    }

    @Test
    void aFixedGridShowsTheFirstCamerasThatFit() {
        assertEquals(1, WallGrid.ONE.shown(4));
        assertEquals(4, WallGrid.TWO.shown(7));
        assertEquals(3, WallGrid.THREE.shown(3));
        assertEquals(3, WallGrid.THREE.columns(3));
    }
}
