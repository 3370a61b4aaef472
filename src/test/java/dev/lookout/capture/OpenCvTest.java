package dev.lookout.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/** The OpenCV natives load from Lookout's cache, not from a fresh copy out of the jar on every start. */
class OpenCvTest {

    @Test
    void nativesAreLoadedFromTheCacheAndWork() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch", "").equals("amd64"), "the cache is used on Linux x86-64 here");
        OpenCv.load();
        String name = System.mapLibraryName(Core.NATIVE_LIBRARY_NAME);
        List<Path> cached;
        try (Stream<Path> files = Files.list(OpenCv.cacheFolder())) {
            cached = files.filter(p -> p.getFileName().toString().endsWith("-" + name)).toList();
        }
        long bundled;
        try (var in = OpenCv.class.getClassLoader().getResourceAsStream("nu/pattern/opencv/linux/x86_64/" + name)) {
            bundled = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        // Named CRC-size-name, so copies from other OpenCV versions may sit beside it.
        assertTrue(cached.stream().anyMatch(p -> p.getFileName().toString().contains("-" + bundled + "-")
                && sizeOf(p) == bundled), "a whole copy of " + name + " in " + OpenCv.cacheFolder() + ": " + cached);
        try (Stream<Path> files = Files.list(OpenCv.cacheFolder())) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")), "no half-written copy left behind");
        }
        Mat m = new Mat(2, 3, CvType.CV_8UC3, new Scalar(1, 2, 3));
        try {
            Scalar sum = Core.sumElems(m);
            assertEquals(6, sum.val[0]);
            assertEquals(12, sum.val[1]);
            assertEquals(18, sum.val[2]);
        } finally {
            m.release();
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
