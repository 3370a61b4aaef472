package dev.lookout.detect;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.testsupport.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

@IntegrationTest
class ImageFilesTest {

    @Test
    void decodesRealPhotosToBgr() throws Exception {
        for (String name : new String[] {"dog.jpg", "eagle.jpg", "giraffe.jpg", "horses.jpg", "kite.jpg",
                "person.jpg", "scream.jpg"}) {
            byte[] bytes = Files.readAllBytes(TestData.darknetPhoto(name));
            assertTrue(ImageFiles.JpegStructure.isComplete(bytes), name);
            Mat m = ImageFiles.decode(bytes, name);
            try {
                assertEquals(3, m.channels());
                assertTrue(m.cols() > 100 && m.rows() > 100);
            } finally {
                m.release();
            }
        }
    }

    @Test
    void truncatedJpegsAreRejectedWhereverTheyAreCut(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(TestData.darknetPhoto("dog.jpg"));
        for (int cut : new int[] {10, 200, 2000, bytes.length / 2, bytes.length - 2}) {
            Path file = dir.resolve("cut" + cut + ".jpg");
            Files.write(file, Arrays.copyOf(bytes, cut));
            IOException e = assertThrows(IOException.class, () -> ImageFiles.read(file));
            assertTrue(e.getMessage().contains("truncated JPEG") && e.getMessage().contains(file.toString()),
                    e.getMessage());
        }
    }

    @Test
    void truncatedPngTextFilesMissingFilesAndFoldersFailWithReasons(@TempDir Path dir) throws Exception {
        byte[] png = Files.readAllBytes(TestData.reference().resolve("images/dog.png"));
        Path cut = dir.resolve("cut.png");
        Files.write(cut, Arrays.copyOf(png, png.length / 2));
        assertTrue(assertThrows(IOException.class, () -> ImageFiles.read(cut)).getMessage()
                .contains("truncated PNG"));

        Path text = dir.resolve("notes.jpg");
        Files.writeString(text, "hello, I am text\n");
        assertTrue(assertThrows(IOException.class, () -> ImageFiles.read(text)).getMessage()
                .contains("not an image"));

        Path empty = Files.createFile(dir.resolve("empty.png"));
        assertTrue(assertThrows(IOException.class, () -> ImageFiles.read(empty)).getMessage()
                .contains("empty file"));

        assertTrue(assertThrows(IOException.class, () -> ImageFiles.read(dir.resolve("missing.jpg")))
                .getMessage().contains("no such file"));
        assertTrue(assertThrows(IOException.class, () -> ImageFiles.read(dir)).getMessage()
                .contains("is a folder"));
    }
}
