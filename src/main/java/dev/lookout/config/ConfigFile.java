package dev.lookout.config;

import dev.lookout.AtomicFiles;
import dev.lookout.detect.CocoLabels;
import dev.lookout.detect.ModelFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Loads and saves {@code lookout.yml} (the keys are documented in {@code docs/CONFIG.md}). Loading checks the
 * whole file before anything starts and reports every problem at once, each with its line and column.
 */
public final class ConfigFile {

    private ConfigFile() {
    }

    /**
     * Loads a configuration, checking class names against the default model's {@code labels.json}.
     *
     * @throws IOException when the file or the model's labels cannot be read (the message says which and why)
     * @throws ConfigException with every problem of the file
     */
    public static LookoutConfig load(Path file) throws IOException, ConfigException {
        return load(file, CocoLabels.read(ModelFiles.findDefault().labels()).names());
    }

    /**
     * Loads a configuration whose class names must be among {@code classNames}.
     *
     * @throws IOException when the file is missing or unreadable (the message names it)
     * @throws ConfigException with every problem of the file
     */
    public static LookoutConfig load(Path file, Collection<String> classNames) throws IOException, ConfigException {
        return parse(readText(file), file, classNames);
    }

    /**
     * Reads configuration text; {@code file} is the name problems carry and the folder relative sources start at.
     *
     * @throws ConfigException with every problem of the text
     */
    public static LookoutConfig parse(String text, Path file, Collection<String> classNames) throws ConfigException {
        return ConfigReader.read(text, file, classNames);
    }

    /** The YAML text {@link #save} writes (it holds the passwords: show it to nobody). */
    public static String toYaml(LookoutConfig config) {
        return ConfigWriter.write(config);
    }

    /**
     * Writes {@code config} to {@code file}, replacing it atomically: a reader sees the old file or the new one,
     * never half of one. Relative paths in it stay relative to the file's folder; comments are not kept. The new
     * file is readable by its owner only, since it holds the passwords.
     *
     * @throws IOException naming the file when its folder is missing or not writable
     */
    public static void save(LookoutConfig config, Path file) throws IOException {
        AtomicFiles.replace(file, out -> out.write(toYaml(config).getBytes(StandardCharsets.UTF_8)), false);
    }

    private static String readText(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a folder, not a configuration file");
        }
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IOException("no such configuration file: " + file, e);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot read " + file + ": permission denied", e);
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text: save it as UTF-8", e);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
