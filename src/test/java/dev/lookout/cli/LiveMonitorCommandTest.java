package dev.lookout.cli;

import dev.lookout.testsupport.IntegrationTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.capture.FfmpegFrameSource;
import dev.lookout.capture.Frame;
import dev.lookout.capture.FrameSource;
import dev.lookout.testsupport.TestData;
import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

/**
 * {@code live --watch / --record / --snapshot-on} on real video (vtest.avi: people walk through the whole clip),
 * the files read back: clips with FFmpeg, events.jsonl and sidecars with Jackson. Also: SIGTERM finalizes the
 * recording.
 */
@IntegrationTest
class LiveMonitorCommandTest {

    @TempDir
    Path dir;
    private Path vtest;
    private Path model;

    @BeforeEach
    void needsDisplayAndData() {
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (xvfb-run)");
        vtest = TestData.vtestAvi();
        model = TestData.require(TestData.modelDir().resolve("model.onnx"), "the converted model").getParent();
    }

    private CliRun live(String... options) {
        return liveOn(vtest.toString(), options);
    }

    private CliRun liveOn(String source, String... options) {
        List<String> args = new ArrayList<>(List.of("live", "--source", source, "--device", "cpu",
                "--model", model.toString()));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<Path> files(Path folder, String suffix) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** Decodes {@code clip} with FFmpeg; returns its frame count and keeps a copy of the first frame. */
    private static int readBack(Path clip, Mat[] first) throws Exception {
        int frames = 0;
        try (FrameSource back = FfmpegFrameSource.openFile(clip)) {
            for (Frame next = back.read(); next != null; next = back.read()) {
                try (Frame f = next) {
                    assertEquals(768, f.width());
                    assertEquals(576, f.height());
                    if (frames == 0 && first != null) {
                        first[0] = f.image().clone();
                    }
                    frames++;
                }
            }
        }
        return frames;
    }

    @Test
    void watchLogsOneEventPerTrackedPersonWithTheClipTheyShare() throws Exception {
        Path events = dir.resolve("events.jsonl");
        CliRun r = live("--fast", "--watch", "person", "--pre-roll", "2", "--post-roll", "1",
                "--duration", "12", "--record-dir", dir.resolve("clips").toString(), "--events", events.toString(),
                "--snapshot-dir", dir.resolve("snaps").toString());
        assertEquals(0, r.exitCode(), r.err());

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(events)) {
            lines.add(new ObjectMapper().readTree(line));
        }
        // Object events (Frigate's convention): new, updates, end per tracked person; closing ends them all.
        java.util.Map<Long, List<String>> byTrack = new java.util.LinkedHashMap<>();
        java.util.Set<String> clips = new java.util.HashSet<>();
        for (JsonNode l : lines) {
            JsonNode after = l.get("after");
            assertEquals("person", after.get("class").asText(), l.toString());
            byTrack.computeIfAbsent(after.get("track_id").asLong(), k -> new ArrayList<>()).add(l.get("type").asText());
            if (!after.get("clip").isNull()) {
                clips.add(after.get("clip").asText());
            }
        }
        assertTrue(byTrack.size() >= 2, "people tracked: " + byTrack);
        byTrack.forEach((track, types) -> {
            assertEquals("new", types.get(0), track + ": " + types);
            assertEquals("end", types.get(types.size() - 1), track + ": " + types);
            assertTrue(types.subList(1, types.size() - 1).stream().allMatch("update"::equals), track + ": " + types);
        });
        JsonNode firstEnd = lines.stream().filter(l -> l.get("type").asText().equals("end")).findFirst().orElseThrow();
        assertTrue(firstEnd.get("after").get("top_score").asDouble() > 0.5, firstEnd.toString());
        // People are in view all along: their events share the clips (fewer clips than events), which read back.
        assertTrue(!clips.isEmpty() && clips.size() < byTrack.size(), clips + " for " + byTrack.size());
        int frames = 0;
        for (String clip : clips) {
            frames += readBack(Path.of(clip), null);
        }
        System.out.printf("watch: %d tracked people, %d clips, %d clip frames, %d log lines%n", byTrack.size(),
                clips.size(), frames, lines.size());
        assertTrue(frames >= 20, frames + " clip frames");
    }

    @Test
    void recordAloneWritesADefaultNameAndSnapshotOnTakesOnePerAppearance() throws Exception {
        Path recordings = dir.resolve("recordings");
        Path snaps = dir.resolve("snaps");
        CliRun r = live("--record", "--record-dir", recordings.toString(), "--snapshot-on", "person",
                "--snapshot-dir", snaps.toString(), "--duration", "8");
        assertEquals(0, r.exitCode(), r.err());

        List<Path> mp4 = files(recordings, ".mp4");
        assertEquals(1, mp4.size(), "" + mp4);
        assertTrue(mp4.get(0).getFileName().toString().matches("lookout-\\d{8}-\\d{6}\\.mp4"), "" + mp4);
        int frames = readBack(mp4.get(0), null);
        // vtest plays at 10 fps; recording starts with the first frame on screen and ends with --duration.
        assertTrue(frames >= 25 && frames <= 85, frames + " frames");

        System.out.printf("record: %s, %d frames; snapshot-on: %d PNG%n", mp4.get(0).getFileName(), frames,
                files(snaps, ".png").size());
        // People are in vtest from start to end: one appearance, one snapshot (PNG + sidecar).
        List<Path> pngs = files(snaps, ".png");
        List<Path> sidecars = files(snaps, ".json");
        assertEquals(1, pngs.size(), "" + pngs);
        assertEquals(1, sidecars.size(), "" + sidecars);
        JsonNode sidecar = new ObjectMapper().readTree(sidecars.get(0).toFile());
        boolean person = false;
        for (JsonNode d : sidecar.get("detections")) {
            person |= d.get("class").asText().equals("person");
        }
        assertTrue(person, sidecar.toString());
        assertEquals(768, sidecar.get("width").asInt());
    }

    @Test
    void badWatchOptionsAreUsageErrorsAndRecordTakesAnOptionalFile() {
        CliRun unknown = live("--watch", "persn", "--duration", "1");
        assertEquals(2, unknown.exitCode(), unknown.err());
        assertTrue(unknown.err().contains("unknown class persn"), unknown.err());
        CliRun empty = live("--snapshot-on", ",", "--duration", "1");
        assertEquals(2, empty.exitCode(), empty.err());
        CliRun badRoll = live("--watch", "person", "--pre-roll", "-1");
        assertEquals(2, badRoll.exitCode(), badRoll.err());
        // Lines, zones and --require: each mistake named, exit 2, before any window opens.
        String[][] bad = {
            {"--line", "gate:1,2,3"}, {"--zone", "a:0,0;1,0;1,1", "--line", "a:0,0,1,1"}, {"--require", "yard"},
            {"--watch", "person", "--line", "gate:0,0,1,1", "--require", "yard"}, {"--no-track", "--watch", "person"}};
        String[] says = {"--line gate:1,2,3: needs 4 numbers x1,y1,x2,y2 after the name, found 3",
            "two lines or zones are called 'a'; give each its own name", "--require needs --watch",
            "--require yard: no --line or --zone", "--watch follows each object and needs tracking"};
        for (int i = 0; i < bad.length; i++) {
            CliRun r = live(bad[i]);
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains(says[i]), r.err());
        }
        assertEquals("", recordValue("--record", "--duration", "1"), "alone before an option: a default name");
        assertEquals("x.mp4", recordValue("--record", "x.mp4"));
        assertEquals("x.mp4", recordValue("--record=x.mp4"));
        assertEquals("", recordValue("--duration", "1", "--record"), "alone at the end: a default name");
        assertEquals(null, recordValue("--duration", "1"));
    }

    /** What {@code --record} parses to: null when absent, "" alone, else the file. */
    private static String recordValue(String... args) {
        LiveCommand command = new LiveCommand();
        new picocli.CommandLine(command).parseArgs(args);
        return command.record;
    }

    @Test
    void sigtermFinalizesTheRecording() throws Exception {
        Path recordings = dir.resolve("recordings");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.lookout.cli.Main",
                "live", "--source", vtest.toString(), "--device", "cpu", "--model", model.toString(),
                "--record", recordings.resolve("term.mp4").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            while (!Files.exists(recordings.resolve("term.mp4")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(Files.exists(recordings.resolve("term.mp4")), Files.readString(dir.resolve("log.txt")));
            Thread.sleep(4000);
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "exits after SIGTERM");
        } finally {
            p.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("log.txt"));
        assertTrue(!log.contains("\tat "), "no stack trace: " + log);
        int frames = readBack(recordings.resolve("term.mp4"), null);
        System.out.printf("SIGTERM: exit %d, %d frames in term.mp4%n", p.exitValue(), frames);
        assertTrue(frames >= 20, frames + " frames in the finalized file; log: " + log);
        assertNotNull(recordings);
    }

    @Test
    void aTimedRunThatCannotPlayItsSourceSaysSoOnStderrAndExitsNonZero() {
        CliRun missing = liveOn(dir.resolve("missing.mp4").toString(), "--duration", "2");
        assertEquals(1, missing.exitCode(), missing.err());
        assertTrue(missing.err().lines().anyMatch(l -> l.startsWith("lookout live: Cannot play missing.mp4: ")),
                missing.err());
        assertTrue(missing.out().contains("\"framesCaptured\":0"), "the statistics still come: " + missing.out());
        CliRun secret = liveOn("rtsp://admin:s3cret@127.0.0.1:9/live", "--duration", "3");
        assertEquals(1, secret.exitCode(), secret.err());
        assertTrue(secret.err().contains("lookout live: Cannot play rtsp://***@127.0.0.1:9/live"), secret.err());
        assertTrue(!secret.err().contains("s3cret") && !secret.out().contains("s3cret"), secret.err());
    }
}
