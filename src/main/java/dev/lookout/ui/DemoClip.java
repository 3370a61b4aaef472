package dev.lookout.ui;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the embedded demo clip {@code assets/demo.mp4}: beside the working directory, or beside the jar. */
public final class DemoClip {

    /** The clip's path inside the project. */
    public static final String RELATIVE_PATH = "assets/demo.mp4";

    private DemoClip() {
    }

    /** The demo clip, or empty when neither {@code ./assets} nor {@code <jar dir>/../assets} holds it. */
    public static Optional<Path> find() {
        Path fromCwd = Path.of(RELATIVE_PATH).toAbsolutePath();
        if (Files.isRegularFile(fromCwd)) {
            return Optional.of(fromCwd);
        }
        return jarDir().map(dir -> dir.resolve("..").resolve(RELATIVE_PATH).normalize()).filter(Files::isRegularFile);
    }

    private static Optional<Path> jarDir() {
        try {
            var location = DemoClip.class.getProtectionDomain().getCodeSource().getLocation();
            Path p = Path.of(location.toURI());
            return Optional.ofNullable(Files.isDirectory(p) ? p : p.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
