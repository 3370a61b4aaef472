package dev.lookout;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one check that an output is not an input. */
class OutputPathsTest {

    @TempDir
    Path dir;

    @Test
    void theSameFileThroughALinkOrAnotherSpellingIsTheInput() throws Exception {
        Path input = Files.writeString(dir.resolve("in.json"), "{}");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), input);
        assertTrue(OutputPaths.sameFile(link, input));
        assertTrue(OutputPaths.sameFile(dir.resolve("sub/../in.json"), input));
        assertTrue(OutputPaths.sameFile(dir, dir.resolve("sub/..")), "folders too");
    }

    @Test
    void anotherFileOrANewOneIsNot() throws Exception {
        Path input = Files.writeString(dir.resolve("in.json"), "{}");
        Path other = Files.writeString(dir.resolve("other.json"), "{}");
        assertFalse(OutputPaths.sameFile(other, input), "equal content is not the same file");
        assertFalse(OutputPaths.sameFile(dir.resolve("new.json"), input));
    }

    @Test
    void theRefusalNamesTheOutputAndTheInput() throws Exception {
        Path input = Files.writeString(dir.resolve("in.json"), "{}");
        IOException e = assertThrows(IOException.class,
                () -> OutputPaths.refuseOverwriting("--output", input, input, IOException::new));
        assertEquals("--output " + input + " is the input " + input + "; choose another file", e.getMessage());
        assertDoesNotThrow(() -> OutputPaths.refuseOverwriting("--output", null, input, IOException::new));
        assertDoesNotThrow(() -> OutputPaths.refuseOverwriting("--output", dir.resolve("o.json"), input,
                IOException::new));
    }
}
