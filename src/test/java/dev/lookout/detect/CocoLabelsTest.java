package dev.lookout.detect;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@IntegrationTest
class CocoLabelsTest {

    @Test
    void referenceLabelsHaveTheEightyCocoNamesInIdOrder() throws Exception {
        CocoLabels labels = ReferenceData.labels();
        assertEquals(80, labels.names().size());
        assertEquals("person", labels.names().get(0));
        assertEquals("toothbrush", labels.names().get(79));
        assertEquals("stop sign", labels.name(13));
        for (int unnamed : new int[] {12, 26, 29, 30, 45, 66, 68, 69, 71, 83}) {
            assertNull(labels.name(unnamed), "id " + unnamed);
        }
        assertNull(labels.name(0));
        assertNull(labels.name(91));
    }

    @Test
    void badFilesFailWithTheFileNameAndTheProblem(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("labels.json");
        IOException e = assertThrows(IOException.class, () -> CocoLabels.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"),
                e.getMessage());

        Files.writeString(missing, "[\"person\"]");
        e = assertThrows(IOException.class, () -> CocoLabels.read(missing));
        assertTrue(e.getMessage().contains("not a JSON object"), e.getMessage());

        Files.writeString(missing, "{\"1\":\"person\",\"x\":\"dog\"}");
        e = assertThrows(IOException.class, () -> CocoLabels.read(missing));
        assertTrue(e.getMessage().contains("'x' is not a class id"), e.getMessage());

        Files.writeString(missing, "{\"1\":\"person\",\"95\":\"dog\"}");
        e = assertThrows(IOException.class, () -> CocoLabels.read(missing));
        assertTrue(e.getMessage().contains("outside 1..90"), e.getMessage());

        Files.writeString(missing, "{}");
        e = assertThrows(IOException.class, () -> CocoLabels.read(missing));
        assertTrue(e.getMessage().contains("no class names"), e.getMessage());
    }
}
