package dev.lookout.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a password three ways: inline ({@code password: s3cret}), with {@code ${VAR}} environment references in the
 * value ({@code password: ${LOOKOUT_MQTT_PASSWORD}}), or from the first line of a file ({@code password_file:},
 * relative to the configuration file's folder; at most {@value #MAX_CHARS} characters, like
 * {@code --mqtt-password-file}). A problem names the key and the file or variable, never the secret; the secret
 * read is registered with {@link Problems} so that no later message shows it either.
 */
final class SecretReader {

    /** The longest password line read from a file: a device or a huge file given by mistake is not read through. */
    static final int MAX_CHARS = 4096;
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Problems problems;
    private final Path configFile;
    private final UnaryOperator<String> environment;

    SecretReader(Problems problems, Path configFile, UnaryOperator<String> environment) {
        this.problems = problems;
        this.configFile = configFile;
        this.environment = environment;
    }

    /** {@code key} or {@code key_file} of {@code m}; empty when neither is set or after a reported problem. */
    Optional<Secret> read(MapReader m, String key) {
        String fileKey = key + "_file";
        Optional<YamlNode> inline = m.value(key);
        Optional<YamlNode> file = m.value(fileKey);
        if (inline.isPresent() && file.isPresent()) {
            problems.at(file.get(), m.path(fileKey) + ": " + m.path(key) + " is given too: give the password one "
                    + "way (remove one of the two keys)");
            return Optional.empty();
        }
        if (file.isPresent()) {
            return MapReader.scalar(file.get(), m.path(fileKey), "a file name", problems)
                    .flatMap(s -> fromFile(s, m.path(fileKey)));
        }
        if (inline.isPresent() && !(inline.get() instanceof YamlNode.Scalar)) {
            problems.at(inline.get(), m.path(key) + ": expected a password (text), found " + inline.get().describe());
            return Optional.empty();
        }
        return inline.flatMap(v -> fromText(((YamlNode.Scalar) v), m.path(key)));
    }

    /** The node the password was written at ({@code key} or {@code key_file}), for later problems about it. */
    static YamlNode where(MapReader m, String key) {
        return m.value(key).or(() -> m.value(key + "_file")).orElseThrow();
    }

    private Optional<Secret> fromText(YamlNode.Scalar s, String path) {
        String text = s.text();
        problems.secret(text);
        Matcher refs = REFERENCE.matcher(text);
        if (!refs.find()) {
            return Optional.of(new Secret(text));
        }
        StringBuilder value = new StringBuilder();
        boolean ok = true;
        do {
            String set = environment.apply(refs.group(1));
            if (set == null) {
                problems.at(s, path + ": the environment variable " + refs.group(1) + " is not set: set it "
                        + "before starting lookout, or use " + path.substring(path.lastIndexOf('.') + 1) + "_file:");
                ok = false;
                set = "";
            }
            refs.appendReplacement(value, Matcher.quoteReplacement(set));
        } while (refs.find());
        refs.appendTail(value);
        problems.secret(value.toString());
        return ok ? Optional.of(Secret.fromEnvironment(text, value.toString())) : Optional.empty();
    }

    private Optional<Secret> fromFile(YamlNode.Scalar s, String path) {
        String name = s.text().strip();
        Path file;
        try {
            file = SourceSpecs.resolve(name, configFile);
        } catch (IllegalArgumentException e) {
            problems.at(s, path + ": not a valid file name: '" + name + "'");
            return Optional.empty();
        }
        if (Files.exists(file) && !Files.isDirectory(file) && !Files.isRegularFile(file)) {
            // a pipe or device: opening a pipe without a writer would hang the check, a device never ends
            problems.at(s, path + ": " + file + " is not a regular file: write the password into a file");
            return Optional.empty();
        }
        StringBuilder line = new StringBuilder();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (int c = in.read(); c >= 0 && c != '\n' && c != '\r'; c = in.read()) {
                if (line.length() == MAX_CHARS) {
                    problems.at(s, path + ": the first line of " + file + " is longer than " + MAX_CHARS
                            + " characters: write only the password on it");
                    return Optional.empty();
                }
                line.append((char) c);
            }
        } catch (NoSuchFileException e) {
            problems.at(s, path + ": no such file: " + file + " (relative paths start at the configuration file's "
                    + "folder)");
            return Optional.empty();
        } catch (AccessDeniedException e) {
            problems.at(s, path + ": cannot read " + file + ": permission denied");
            return Optional.empty();
        } catch (CharacterCodingException e) {
            problems.at(s, path + ": " + file + " is not UTF-8 text");
            return Optional.empty();
        } catch (IOException e) {
            problems.at(s, path + ": cannot read " + file + (Files.isDirectory(file) ? ": it is a folder"
                    : " (" + e.getClass().getSimpleName() + ")"));
            return Optional.empty();
        }
        problems.secret(line.toString());
        if (line.length() == 0) {
            problems.at(s, path + ": " + file + " is empty: write the password on its first line");
            return Optional.empty();
        }
        return Optional.of(Secret.fromFile(name, line.toString()));
    }
}
