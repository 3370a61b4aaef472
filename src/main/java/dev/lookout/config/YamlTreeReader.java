package dev.lookout.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into {@link YamlNode}s that remember where each value was written, with Jackson's streaming
 * YAML parser. Problems that YAML itself defines are reported here: syntax errors (then reading stops, nothing
 * after them can be trusted), duplicate keys, aliases and a second document.
 *
 * <p>Duplicate keys are found here rather than by Jackson's {@code STRICT_DUPLICATE_DETECTION}, which stops the
 * parser at the first one: this way every duplicate is reported with the place of the first occurrence, and the
 * rest of the file is still checked. The first occurrence is kept.
 */
final class YamlTreeReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final Problems problems;
    private YAMLParser parser;

    YamlTreeReader(Problems problems) {
        this.problems = problems;
    }

    /**
     * Reads one YAML document; returns null when the text is empty or has a syntax error (which is then in the
     * problems).
     */
    YamlNode read(String text) {
        try (YAMLParser p = FACTORY.createParser(text)) {
            parser = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            YamlNode root = value(first, "");
            JsonToken next = p.nextToken();
            if (next != null) {
                JsonLocation at = p.currentTokenLocation();
                problems.at(at.getLineNr(), at.getColumnNr(), "a second YAML document starts here: the "
                        + "configuration is one document (remove the '---' line and what follows, or merge it)");
            }
            return root;
        } catch (JsonProcessingException e) {
            syntaxError(e);
            return null;
        } catch (IOException e) { // reading a String: only a parser failure can get here
            problems.at(1, 1, "cannot read the YAML text: " + e.getClass().getSimpleName());
            return null;
        }
    }

    private YamlNode value(JsonToken token, String path) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        return switch (token) {
            case START_OBJECT -> mapping(path, line, column);
            case START_ARRAY -> sequence(path, line, column);
            case VALUE_STRING -> {
                if (parser.isCurrentAlias()) {
                    problems.at(line, column, label(path) + "aliases (*" + parser.getText() + ") are not supported: "
                            + "write the value out in full");
                    yield new YamlNode.Scalar("", YamlNode.ScalarType.NULL, line, column);
                }
                yield new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.STRING, line, column);
            }
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.INTEGER, line, column);
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(parser.getText(), YamlNode.ScalarType.DECIMAL, line, column);
            case VALUE_TRUE, VALUE_FALSE ->
                    new YamlNode.Scalar(String.valueOf(token == JsonToken.VALUE_TRUE), YamlNode.ScalarType.BOOLEAN,
                            line, column);
            case VALUE_NULL -> new YamlNode.Scalar("", YamlNode.ScalarType.NULL, line, column);
            default -> {
                problems.at(line, column, label(path) + "unsupported YAML value (" + token + "): write a plain value");
                yield new YamlNode.Scalar("", YamlNode.ScalarType.NULL, line, column);
            }
        };
    }

    private YamlNode.Mapping mapping(String path, int line, int column) throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            JsonLocation at = parser.currentTokenLocation();
            YamlNode.Key key = new YamlNode.Key(parser.currentName(), at.getLineNr(), at.getColumnNr());
            YamlNode value = value(parser.nextToken(), path.isEmpty() ? key.name() : path + "." + key.name());
            YamlNode.Entry first = entries.get(key.name());
            if (first == null) {
                entries.put(key.name(), new YamlNode.Entry(key, value));
            } else {
                String what = path.equals("cameras") ? "duplicate camera name '" : "duplicate key '";
                problems.at(key, label(path) + what + key.name() + "' (first at line " + first.key().line()
                        + "): each name may appear once; the first one is used");
            }
        }
        return new YamlNode.Mapping(entries, line, column);
    }

    private YamlNode.Sequence sequence(String path, int line, int column) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(value(token, path + "[" + items.size() + "]"));
        }
        return new YamlNode.Sequence(items, line, column);
    }

    /** Reports a syntax error with SnakeYAML's own description and place, without its quote of the line. */
    private void syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
                && marked.getProblemMark() != null) {
            var start = marked.getContextMark();
            String context = marked.getContext() == null ? "" : " (" + marked.getContext()
                    + (start == null ? "" : " that starts at line " + (start.getLine() + 1) + ", column "
                    + (start.getColumn() + 1)) + ")";
            problems.at(marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1,
                    "not valid YAML: " + marked.getProblem() + context);
            return;
        }
        JsonLocation at = e.getLocation();
        String message = e.getOriginalMessage();
        int cut = message == null ? -1 : message.indexOf('\n'); // the rest quotes the line, which may hold secrets
        problems.at(at == null ? 1 : Math.max(1, at.getLineNr()), at == null ? 1 : Math.max(1, at.getColumnNr()),
                "not valid YAML: " + (cut < 0 ? message : message.substring(0, cut)));
    }

    private static String label(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }
}
