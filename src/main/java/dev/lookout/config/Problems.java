package dev.lookout.config;

import dev.lookout.capture.UrlRedaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the problems of one file while it is read, so that all of them are reported at once. Every message
 * goes through {@link UrlRedaction} and has each registered secret masked: a safety net behind the rule that
 * messages never quote a password field.
 */
final class Problems {

    private final Path file;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Set<String> secrets = new HashSet<>();

    Problems(Path file) {
        this.file = file;
    }

    /** Adds a problem at a value or key's place. */
    void at(YamlNode node, String message) {
        at(node.line(), node.column(), message);
    }

    /** Adds a problem at a key's place. */
    void at(YamlNode.Key key, String message) {
        at(key.line(), key.column(), message);
    }

    /** Adds a problem at a 1-based line and column. */
    void at(int line, int column, String message) {
        problems.add(new ConfigProblem(file, line, column, message));
    }

    /** Registers a password so that no message can show it, even quoted by a parser. */
    void secret(String value) {
        if (value != null && !value.isEmpty()) {
            secrets.add(value);
        }
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** The problems in file order (line, then column, then the order found), with secrets masked. */
    List<ConfigProblem> sorted() {
        List<ConfigProblem> out = new ArrayList<>();
        for (ConfigProblem p : problems) {
            out.add(new ConfigProblem(p.file(), p.line(), p.column(), mask(p.message())));
        }
        out.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
        return out;
    }

    private String mask(String message) {
        String masked = UrlRedaction.redact(message);
        for (String secret : secrets) {
            // whole words only: a one-letter password must not mask every such letter of a message
            masked = Pattern.compile("(?<![\\p{Alnum}])" + Pattern.quote(secret) + "(?![\\p{Alnum}])")
                    .matcher(masked).replaceAll(Matcher.quoteReplacement(UrlRedaction.MASK));
        }
        return masked;
    }
}
