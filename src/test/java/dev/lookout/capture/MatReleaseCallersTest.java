package dev.lookout.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.TestData;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link OpenCv#release} the one place that calls OpenCV's {@code Mat.release()}: a plain {@code release()}
 * as a {@code Mat}'s last use lets the finalizer delete the native header while the call still writes it (the heap
 * corruption that killed the four-camera soak, docs/RELIABILITY.md). The check reads the compiled product classes'
 * constant pools, which list every method a class calls.
 */
class MatReleaseCallersTest {

    @Test
    void onlyOpenCvReleaseCallsMatRelease() throws IOException {
        Path classes = TestData.projectDir().resolve("target/classes");
        List<String> callers = new ArrayList<>();
        int scanned = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                scanned++;
                String name = classes.relativize(f).toString();
                if (!name.equals("dev/lookout/capture/OpenCv.class") && callsMatRelease(f)) {
                    callers.add(name);
                }
            }
        }
        assertTrue(scanned > 100, "the product's classes were found: " + scanned);
        assertEquals(List.of(), callers, "release Mats, captures and writers with OpenCv.release(x), not x.release()");
    }

    @Test
    void theScanFindsACallToMatRelease() throws IOException {
        Path self = TestData.projectDir().resolve("target/test-classes/dev/lookout/capture/"
                + "MatReleaseCallersTest$Releasing.class");
        assertTrue(callsMatRelease(self), "a class calling mat.release() is found");
        Path opencv = TestData.projectDir().resolve("target/classes/dev/lookout/capture/OpenCv.class");
        assertTrue(callsMatRelease(opencv), "OpenCv.release itself calls it");
    }

    /** A class that releases a Mat directly: what the scan must find. */
    static final class Releasing {
        static void release(org.opencv.core.MatOfByte mat) {
            mat.release();
        }
    }

    /** OpenCV classes whose {@code release()} races their finalizer: Mats, video captures and writers. */
    private static final java.util.regex.Pattern RELEASED_BY_OPENCV =
            java.util.regex.Pattern.compile("org/opencv/core/Mat.*|org/opencv/videoio/Video(Capture|Writer)");

    /**
     * True when the class file's constant pool has a method reference to {@code release()V} of a Mat class, a
     * {@code VideoCapture} or a {@code VideoWriter}.
     */
    static boolean callsMatRelease(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile);
                DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in))) {
            data.readInt(); // magic
            data.readUnsignedShort();
            data.readUnsignedShort();
            int count = data.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNameIndex = new int[count];
            List<int[]> methodRefs = new ArrayList<>(); // {class index, name-and-type index}
            int[][] nameAndType = new int[count][];
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = data.readUTF();
                    case 7, 8, 16, 19, 20 -> classNameIndex[i] = data.readUnsignedShort();
                    case 3, 4 -> data.readInt();
                    case 5, 6 -> {
                        data.readLong();
                        i++; // longs and doubles take two entries
                    }
                    case 9, 11, 17, 18 -> data.readInt();
                    case 10 -> methodRefs.add(new int[] {data.readUnsignedShort(), data.readUnsignedShort()});
                    case 12 -> nameAndType[i] = new int[] {data.readUnsignedShort(), data.readUnsignedShort()};
                    case 15 -> {
                        data.readUnsignedByte();
                        data.readUnsignedShort();
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " in " + classFile);
                }
            }
            for (int[] ref : methodRefs) {
                String owner = utf8[classNameIndex[ref[0]]];
                int[] nt = nameAndType[ref[1]];
                if (owner != null && RELEASED_BY_OPENCV.matcher(owner).matches() && "release".equals(utf8[nt[0]])
                        && "()V".equals(utf8[nt[1]])) {
                    return true;
                }
            }
            return false;
        }
    }
}
