package dev.lookout.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lookout.detect.ClassNames;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The command line's shared behaviour: suggestions, number messages, version, completion, class lists. */
class CommandLineTest {

    @Test
    void mistypedOptionsAndCommandsGetSuggestions() {
        CliRun option = CliRun.of("detect", "--min-scor", "0.3", "x.png");
        assertEquals(2, option.exitCode(), option.toString());
        assertTrue(option.err().startsWith("lookout detect: unknown option '--min-scor'; did you mean --min-score"),
                option.err());
        CliRun command = CliRun.of("detct", "x.png");
        assertEquals(2, command.exitCode());
        assertTrue(command.err().contains("unknown command 'detct'; did you mean detect?"), command.err());
    }

    @Test
    void hugeNumbersAreTooLargeNotMalformed() {
        for (String option : List.of("--every", "--max-boxes")) {
            CliRun run = CliRun.of("detect", option, "99999999999", "x.png");
            assertEquals(2, run.exitCode(), run.toString());
            assertTrue(run.err().contains("'99999999999' is too large (at most 2147483647)"), run.err());
        }
        CliRun word = CliRun.of("detect", "--every", "five", "x.png");
        assertTrue(word.err().contains("'five' is not a whole number"), word.err());
        CliRun fraction = CliRun.of("detect", "--every", "2.5", "x.png");
        assertTrue(fraction.err().contains("'2.5' is not a whole number"), fraction.err());
    }

    @Test
    void minScoreHelpExplainsTheIouQuirk() {
        CliRun help = CliRun.of("detect", "--help");
        assertEquals(0, help.exitCode());
        String text = help.out().replaceAll("\\s+", " ");
        assertTrue(text.contains("with --min-score 0 only one box is left (give --iou to set it apart)"), text);
    }

    @Test
    void versionAndCompletionScript() {
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("Lookout "), version.out());
        CliRun completion = CliRun.of("generate-completion");
        assertEquals(0, completion.exitCode(), completion.toString());
        assertTrue(completion.out().contains("complete -F") && completion.out().contains("--min-score"),
                "a bash completion script that knows the options");
    }

    @Test
    void missingParametersNameTheUsage() {
        CliRun run = CliRun.of("convert", "model.json");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Missing required parameter: 'OUT.onnx' (usage: lookout convert"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void classListsAreReadOneWayEverywhere() {
        assertEquals(List.of("person", "car"), List.copyOf(ClassNames.parse(" Person, CAR ,person,,")));
        assertEquals(Set.of(), ClassNames.parse(" , "));
        assertEquals(List.of("persn"), ClassNames.unknown(Set.of("persn", "person"), List.of("person", "dog")));
        assertTrue(ClassNames.unknownMessage(Set.of("persn"), List.of("person")).startsWith("unknown class persn;"));
    }
}
