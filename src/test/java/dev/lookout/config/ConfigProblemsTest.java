package dev.lookout.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file of {@code src/test/resources/dev/lookout/config/bad/} holds one kind of mistake (some several at
 * once): every problem must come out, in file order, with its exact line, column and message.
 */
class ConfigProblemsTest {

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("alias", List.of(
                        "7:12: cameras.yard.watch: aliases (*people) are not supported: write the value out in full")),
                Arguments.of("bad-urls", List.of(
                        "3:13: cameras.gate.source: not a valid URL (Illegal character in authority); in a user name or password, write @ # / ? : and spaces percent-encoded (%40 %23 %2F %3F %3A %20)",
                        "5:13: cameras.yard.source: expected a stream URL (rtsp://, rtsps://, http://, https://, rtmp://, udp://, tcp:// or srt://), found scheme 'ftp://'",
                        "7:13: cameras.porch.source: the URL has no valid host; in a user name or password, write @ # / ? : and spaces percent-encoded (%40 %23 %2F %3F %3A %20)")),
                Arguments.of("bad-values", List.of(
                        "2:13: retention.max_size: expected a size like 500MB or 20GB (units B, KB, MB, GB, TB), found '20 apples'",
                        "3:10: retention.clips: must be longer than 0, found 0d",
                        "7:11: cameras.gate.size: a size is WIDTHxHEIGHT, e.g. 1280x720, not '640by480'",
                        "8:16: cameras.gate.min_score: expected a number from 0 to 1, found 1.5",
                        "9:15: cameras.gate.pre_roll: a duration cannot be negative, found '-3s'",
                        "10:16: cameras.gate.post_roll: a duration needs a unit: write 5s (seconds), 5m, 5h or 5d, found '5'",
                        "11:13: cameras.gate.record: expected one of events, continuous, found 'event' (did you mean 'events'?)")),
                Arguments.of("camera-names", List.of(
                        "2:3: cameras: camera name 'front door' may hold only letters, digits, '_' and '-' (at most 64): it is used in file names and MQTT topics",
                        "6:3: cameras: camera names 'back' (line 4) and 'Back' differ only in case: their files would mix on some systems")),
                Arguments.of("duplicate-camera", List.of(
                        "6:3: cameras: duplicate camera name 'gate' (first at line 2): each name may appear once; the first one is used")),
                Arguments.of("duplicate-key", List.of(
                        "5:5: cameras.gate: duplicate key 'min_score' (first at line 4): each name may appear once; the first one is used")),
                Arguments.of("empty", List.of(
                        "1:1: the file is empty: it needs at least 'cameras:' with one camera and its source")),
                Arguments.of("events", List.of(
                        "6:16: cameras.gate.events.min_age: a duration needs a unit: write 1s (seconds), 1m, 1h or 1d, found '1'",
                        "7:23: cameras.gate.events.min_detections: expected a whole number from 1 to 1000, found 2.5",
                        "8:18: cameras.gate.events.threshold: expected a number from 0 to 1, found '0.95x'",
                        "9:7: cameras.gate.events: unknown key 'min_ages': did you mean 'min_age'?",
                        "12:13: cameras.yard.events: expected a map of keys (key: value lines), found a list")),
                Arguments.of("filters", List.of(
                        "7:17: cameras.gate.filters.min_area: expected a number from 0 to 100000000, found -0.1",
                        "8:17: cameras.gate.filters.max_area: expected a number from 0 to 100000000, found 'big'",
                        "9:18: cameras.gate.filters.min_ratio: 3 is more than max_ratio 2: no object would pass",
                        "11:18: cameras.gate.filters.min_score: expected a number from 0 to 1, found 1.5",
                        "12:18: cameras.gate.filters.threshold: is events.threshold under another name, and events.threshold is given too: keep one",
                        "13:13: cameras.gate.filters.mask: expected a polygon of at least 3 points like [[x, y], [x, y], [x, y]], found 2 point(s)",
                        "14:7: cameras.gate.filters: unknown key 'min_areas': did you mean 'min_area'?",
                        "16:9: cameras.gate.filters.classes: unknown COCO class 'persn': did you mean 'person'?",
                        "17:9: cameras.gate.filters.classes.dog: 'dog' is never detected: classes: lists only person, car (add it there, or remove it here)",
                        "18:31: cameras.gate.filters.classes.car: unknown key 'treshold': did you mean 'threshold'?",
                        "22:17: cameras.yard.filters.min_area: 5000 is more than max_area 100: no object would pass",
                        "26:11: cameras.yard.filters.mask[1]: mixes fractions (0..1) and pixels: write every coordinate as a fraction of the frame or every one in pixels",
                        "27:16: cameras.yard.filters.classes: expected a map of keys (key: value lines), found a list")),
                Arguments.of("geometry", List.of(
                        "6:17: cameras.gate.lines.entrance: x 700 is outside the 640x480 frame (size:)",
                        "7:13: cameras.gate.lines.exit: mixes fractions (0..1) and pixels: write every coordinate as a fraction of the frame or every one in pixels",
                        "8:13: cameras.gate.lines.stub: both ends of the line are the same point",
                        "9:14: cameras.gate.lines.short: expected 4 numbers like [x1, y1, x2, y2], found 3 value(s)",
                        "11:14: cameras.gate.zones.drive: expected a polygon of at least 3 points like [[x, y], [x, y], [x, y]], found 2 point(s)",
                        "13:40: cameras.gate.motion.masks[0][2][1]: expected a number from 0 to 100000, found -1")),
                Arguments.of("http-hosts", List.of(
                        "3:36: http.allowed_hosts[1]: 'https://cam.example.org/' is not a host name: write the name alone, like cam.example.org (no scheme, port or path)",
                        "3:64: http.allowed_hosts[2]: 'cam.example.org' is listed twice",
                        "3:81: http.allowed_hosts[3]: 'cam.example.org:443' is not a host name: write the name alone, like cam.example.org (no scheme, port or path)",
                        "3:104: http.allowed_hosts[4]: expected a host name like cam.example.org, found a list")),
                Arguments.of("http-hosts-open", List.of(
                        "4:18: http.allowed_hosts: applies to a loopback bind only; 0.0.0.0:8080 answers every host name and relies on http.password: remove it")),
                Arguments.of("http-open", List.of(
                        "2:9: http.bind: 0.0.0.0:8080 can be reached from other machines, so http.password is required (or bind to 127.0.0.1)")),
                Arguments.of("mqtt", List.of(
                        "2:8: mqtt.url: expected a broker URL like tcp://127.0.0.1:1883 or ssl://broker:8883, found scheme 'mqtt://'",
                        "3:9: mqtt.node: 'my node' may hold only letters, digits, '_' and '-': it is part of MQTT topics",
                        "4:11: mqtt.prefix: 'lookout/#' may hold only letters, digits, '_' and '-', in levels separated by '/': it is part of MQTT topics",
                        "5:13: mqtt.password: a password needs a username: add username:",
                        "6:13: mqtt.protocol: expected 3 (MQTT 3.1.1) or 5, found 4")),
                Arguments.of("no-cameras", List.of(
                        "1:1: missing 'cameras': expected a map of cameras by name, like: cameras: {gate: {source: 0}}")),
                Arguments.of("not-maps", List.of(
                        "2:8: cameras.gate: expected a map of keys (key: value lines), found nothing",
                        "3:9: cameras.yard: expected a map of keys (key: value lines), found 5",
                        "6:13: cameras.porch.motion: expected a map of keys (key: value lines), found true",
                        "7:12: cameras.porch.lines: expected a map of keys (key: value lines), found a list",
                        "8:37: cameras.porch.zones: duplicate key 'a' (first at line 8): each name may appear once; the first one is used",
                        "9:16: cameras.porch.retention: expected a map of keys (key: value lines), found '7d'")),
                Arguments.of("not-a-map", List.of(
                        "1:1: expected a map of keys like 'cameras:' at the top of the file, found a list")),
                Arguments.of("references", List.of(
                        "4:29: cameras.gate.required_zones[1]: unknown zone 'yard': expected one of drive",
                        "9:21: webhooks[0].cameras[1]: unknown camera 'gat': did you mean 'gate'?")),
                Arguments.of("secret-files", List.of(
                        "3:18: mqtt.password_file: no such file: BAD_DIR/no-such-password-file (relative paths start at the configuration file's folder)",
                        "5:18: http.password_file: cannot read BAD_DIR: it is a folder")),
                Arguments.of("secret-references", List.of(
                        "5:18: mqtt.password_file: mqtt.password is given too: give the password one way (remove one of the two keys)",
                        "7:13: http.password: the environment variable LOOKOUT_TEST_UNSET_VARIABLE is not set: set it before starting lookout, or use password_file:")),
                Arguments.of("source-options", List.of(
                        "4:11: cameras.gate.loop: applies to a video file or folder only, not to a stream: remove it",
                        "5:11: cameras.gate.size: applies to a camera (a camera index) only; a file or stream has its own size: remove it",
                        "7:13: cameras.clip.source: no such file or folder: BAD_DIR/no-such-video.mp4 (relative paths start at the configuration file's folder)",
                        "9:12: cameras.empty.source: has no value: expected a camera index (0), a video file, a folder or a stream URL (rtsp://, http://, ...)",
                        "11:5: cameras.none: missing 'source': expected a camera index (0), a video file, a folder or a stream URL (rtsp://, http://, ...)")),
                Arguments.of("syntax", List.of(
                        "4:4: not valid YAML: expected <block end>, but found '<block mapping start>' (while parsing a block mapping that starts at line 2, column 3)")),
                Arguments.of("two-documents", List.of(
                        "5:1: a second YAML document starts here: the configuration is one document (remove the '---' line and what follows, or merge it)")),
                Arguments.of("unknown-class", List.of(
                        "5:13: cameras.gate.watch[0]: unknown COCO class 'persn': did you mean 'person'?",
                        "5:20: cameras.gate.watch[1]: 'dog' is never detected: classes: lists only person, car (add it there, or remove it here)",
                        "5:25: cameras.gate.watch[2]: unknown COCO class 'toaster-oven': see the model's labels.json for the 80 names")),
                Arguments.of("unknown-key", List.of(
                        "5:5: cameras.gate: unknown key 'wach': did you mean 'watch'?")),
                Arguments.of("unknown-top-key", List.of(
                        "1:1: missing 'cameras': expected a map of cameras by name, like: cameras: {gate: {source: 0}}",
                        "1:1: unknown key 'storag': did you mean 'storage'?",
                        "2:1: unknown key 'camera': did you mean 'cameras'?")),
                Arguments.of("wrong-types", List.of(
                        "4:16: cameras.gate.min_score: expected a number from 0 to 1, found 'high'",
                        "5:16: cameras.gate.snapshots: expected true or false, found 'no'",
                        "6:12: cameras.gate.watch: expected a list like [person, car], found 'person'",
                        "7:17: cameras.gate.detect_fps: expected a number from 0.01 to 1000, found a list")));
    }

    @ParameterizedTest(name = "{0}.yml")
    @MethodSource("badFiles")
    void reportsEveryProblemAtItsPlace(String name, List<String> expected) throws Exception {
        Path file = TestConfigs.bad(name);
        ConfigException e = assertThrows(ConfigException.class, () -> TestConfigs.load(file));
        String dir = file.toAbsolutePath().getParent().toString();
        List<String> want = expected.stream().map(s -> s.replace("BAD_DIR", dir)).toList();
        List<String> got = e.problems().stream().map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList();
        assertEquals(want, got);
        for (ConfigProblem p : e.problems()) {
            assertEquals(file, p.file(), "every problem names the file as given");
        }
    }
}
