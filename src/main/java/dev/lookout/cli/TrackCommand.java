package dev.lookout.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.Failures;
import dev.lookout.AtomicFiles;
import dev.lookout.track.Retracker;
import dev.lookout.track.TrackJson;
import dev.lookout.track.TrackerConfig;
import dev.lookout.track.zones.CountEvent;
import dev.lookout.track.zones.CountTotals;
import dev.lookout.track.zones.Regions;
import dev.lookout.track.metrics.MotBox;
import dev.lookout.track.metrics.MotEvaluation;
import dev.lookout.track.metrics.MotFile;
import dev.lookout.track.metrics.MotScores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lookout track [--truth GT] [--format mot] [--fps N] [--line L] [--zone Z] [--counts FILE]
 * [INPUT.jsonl|-]}: re-tracks a detections file and writes it back with ids (and the lines' and zones' counts, as
 * {@code detect --track} does), or scores the tracking against MOTChallenge ground truth.
 */
@Command(name = "track", mixinStandardHelpOptions = true, versionProvider = LookoutCommand.Version.class,
        sortOptions = false, description = {"Re-track a detections file; score tracking against MOT ground truth.",
            "", "Reads JSON lines as 'detect' writes them for a video and writes the same lines with an \"id\" on "
                    + "each detection of a confirmed track; with --truth, prints MOTA, IDF1, ID switches, "
                    + "fragmentations, mostly tracked/lost.", "",
            "Detections are taken as given, whatever their score (the tracker applies its own thresholds); time "
                    + "comes from each line's \"t\", or from \"frame\" / --fps. Each \"source\" is tracked on its "
                    + "own. MOTChallenge frames are the lines' \"frame\" + 1.", "",
            "--line and --zone count as detect --track does: each change is written as a \"count\" line after "
                    + "its frame's line (jsonl); --counts writes the final totals, summed over the sources, as "
                    + "JSON: {\"lines\": {NAME: {\"in\": {CLASS: N}, \"out\": {CLASS: N}}}, \"zones\": {NAME: "
                    + "{\"entered\": {CLASS: N}}}}. Fractions of the frame take its size from the lines' "
                    + "\"width\" and \"height\". To count as detect --track does, give it the same candidates: detect "
                    + "--every 1 --min-score 0.1 --max-boxes 100 --iou 0.5.", ""},
        footer = {"", "Exit status: 0 done, 1 some line was malformed or out of order (named on stderr, skipped), "
                + "2 usage."})
final class TrackCommand extends CliCommand {

    @Option(names = "--truth", paramLabel = "GT", description = "MOTChallenge ground truth (frame,id,x,y,w,h,...): "
            + "print the scores instead of the lines (the lines still go to --output)")
    Path truth;

    @Option(names = "--format", paramLabel = "F", defaultValue = "jsonl", description = "output: jsonl (default, "
            + "the input lines with ids) or mot (frame,id,x,y,w,h,conf,-1,-1,-1)")
    String format;

    @Option(names = "--fps", paramLabel = "N", description = "frame rate for lines without \"t\"")
    Double fps;

    @Option(names = "--output", paramLabel = "FILE", description = "write the tracked lines to FILE")
    @Writes
    Path output;

    @Mixin
    RegionOptions regionOptions = new RegionOptions();

    @Option(names = "--stationary", paramLabel = "S", defaultValue = "10", description = "an object that stays put "
            + "for S seconds is stationary (default ${DEFAULT-VALUE}), as with detect --track")
    double stationarySeconds;

    @Option(names = "--counts", paramLabel = "FILE", description = "write the lines' and zones' final totals to "
            + "FILE as JSON (replaced whole, at the end)")
    @Writes
    Path counts;

    @Parameters(paramLabel = "INPUT", arity = "0..1", defaultValue = "-",
            description = "the detections file, or - for standard input (default)")
    String input;

    @Override
    List<CommandPaths.Named> inputs() throws UsageException {
        return input.equals("-") ? List.of() : List.of(input("INPUT", PathArguments.of(input)));
    }

    @Override
    int run() throws Exception {
        if (!format.equals("jsonl") && !format.equals("mot")) {
            throw new UsageException("--format must be jsonl or mot, not " + format);
        }
        if (fps != null && !(fps > 0 && Double.isFinite(fps))) {
            throw new UsageException("--fps must be a positive number, not " + fps);
        }
        if (!(stationarySeconds > 0) || Double.isInfinite(stationarySeconds)) {
            throw new UsageException("--stationary must be a positive number of seconds, not " + stationarySeconds);
        }
        Regions regions = regionOptions.parse();
        if (counts != null && regions.isEmpty()) {
            throw new UsageException("--counts needs a --line or a --zone to count");
        }
        List<MotBox> truthRows = null;
        if (truth != null) {
            try (BufferedReader r = Files.newBufferedReader(truth, StandardCharsets.UTF_8)) {
                truthRows = MotFile.read(r, truth.toString());
            } catch (IOException e) {
                problem(e instanceof dev.lookout.track.metrics.MotFormatException ? e.getMessage()
                        : "cannot read --truth " + truth + ": " + Failures.reason(e));
                return Main.EXIT_FAILED;
            }
        }
        ResultLines results = null;
        if (output != null || truth == null) {
            try {
                results = output != null ? ResultLines.toFile(output) : ResultLines.to(out);
            } catch (ResultLines.Failed e) {
                problem(e.getMessage());
                return Main.EXIT_FAILED;
            }
        }
        List<MotBox> hypotheses = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        Retracker retracker = new Retracker(TrackerConfig.DEFAULTS.withStationarySeconds(stationarySeconds), fps,
                regions.lines(), regions.zones(), this::problem);
        CountTotals totals = new CountTotals(regions.lines(), regions.zones());
        ObjectMapper json = new ObjectMapper();
        ResultLines lines = results;
        try (BufferedReader in = open(); ResultLines closing = results) {
            retracker.run(in, tracked -> {
                sources.add(tracked.source());
                hypotheses.addAll(tracked.motRows());
                totals.add(tracked.counts());
                if (lines != null) {
                    write(lines, json, tracked);
                    writeCounts(lines, tracked.source(), tracked.line().path("frame").asLong(-1), tracked.counts());
                }
            }, (source, ended) -> {
                totals.add(ended);
                if (lines != null) {
                    writeCounts(lines, source, -1, ended);
                }
            });
        } catch (IOException e) {
            problem("cannot read " + (input.equals("-") ? "standard input" : input) + ": " + Failures.reason(e));
            return Main.EXIT_FAILED;
        } catch (ResultLines.Failed e) {
            problem(e.getMessage());
            return Main.EXIT_FAILED;
        }
        if (counts != null) {
            try {
                byte[] text = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(totals.toJson(json));
                AtomicFiles.replace(counts, o -> o.write(text), true);
            } catch (IOException e) {
                problem("--counts: " + e.getMessage());
                return Main.EXIT_FAILED;
            }
        }
        if (truthRows != null) {
            if (sources.size() > 1) {
                problem("the detections hold " + sources.size() + " sources; --truth scores one video at a time");
                return Main.EXIT_FAILED;
            }
            MotScores scores = MotEvaluation.evaluate(truthRows, hypotheses);
            out.println(scores.summary());
            out.println(scoresJson(json, scores));
        }
        return retracker.problems() == 0 ? 0 : Main.EXIT_FAILED;
    }

    private BufferedReader open() throws IOException {
        if (input.equals("-")) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        return Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
    }

    private void write(ResultLines lines, ObjectMapper json, Retracker.Tracked tracked) {
        if (format.equals("mot")) {
            for (MotBox row : tracked.motRows()) {
                StringWriter text = new StringWriter();
                try {
                    MotFile.write(text, row);
                } catch (IOException e) {
                    throw new IllegalStateException(e); // a StringWriter does not fail
                }
                lines.write(text.toString().strip());
            }
            return;
        }
        try {
            lines.write(json.writeValueAsString(tracked.line()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a line as JSON", e);
        }
    }

    /** The count changes as detect --track writes them, one "count" line each (jsonl only). */
    private void writeCounts(ResultLines lines, String source, long frame, List<CountEvent> changes) {
        if (format.equals("jsonl")) {
            for (CountEvent c : changes) {
                lines.write(TrackJson.countLine(source, frame, c));
            }
        }
    }

    private static String scoresJson(ObjectMapper json, MotScores s) throws IOException {
        ObjectNode node = json.createObjectNode();
        node.put("mota", s.mota());
        node.put("idf1", s.idf1());
        node.put("idSwitches", s.idSwitches());
        node.put("fragmentations", s.fragmentations());
        node.put("mostlyTracked", s.mostlyTracked());
        node.put("partiallyTracked", s.partiallyTracked());
        node.put("mostlyLost", s.mostlyLost());
        node.put("objects", s.objects());
        node.put("falsePositives", s.falsePositives());
        node.put("misses", s.misses());
        node.put("truthBoxes", s.truthBoxes());
        node.put("idtp", s.idtp());
        return json.writeValueAsString(node);
    }
}
