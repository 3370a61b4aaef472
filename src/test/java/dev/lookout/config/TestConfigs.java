package dev.lookout.config;

import dev.lookout.detect.CocoLabels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The configuration files under {@code src/test/resources/dev/lookout/config/} and the model's real labels. */
final class TestConfigs {

    static final Path DIR = Path.of("src/test/resources/dev/lookout/config");
    private static List<String> classNames;

    private TestConfigs() {
    }

    /** A file of {@code bad/}, by name without {@code .yml}. */
    static Path bad(String name) {
        return DIR.resolve("bad").resolve(name + ".yml");
    }

    /** The 80 COCO class names of the shipped model's {@code labels.json}. */
    static synchronized List<String> classNames() {
        if (classNames == null) {
            try {
                classNames = CocoLabels.read(Path.of("models/coco-ssd/labels.json")).names();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return classNames;
    }

    static LookoutConfig load(Path file) throws IOException, ConfigException {
        return ConfigFile.load(file, classNames());
    }

    static LookoutConfig parse(String yaml, Path file) throws ConfigException {
        return ConfigFile.parse(yaml, file, classNames());
    }
}
