package dev.lookout.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it was written (1-based line and column), so that every problem found later can
 * point at it. Built by {@link YamlTreeReader}; Jackson's own tree has no locations.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    /** The 1-based line where the value starts. */
    int line();

    /** The 1-based column where the value starts. */
    int column();

    /** What the value is, for "expected X, found Y" messages: "a string", "a list", ... */
    String describe();

    /** The type YAML gave a plain scalar: {@code 5} is a number, {@code "5"} a string, {@code ~} null. */
    enum ScalarType { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

    /** A scalar value with its text exactly as written (without quotes). */
    record Scalar(String text, ScalarType type, int line, int column) implements YamlNode {
        @Override
        public String describe() {
            return switch (type) {
                case STRING -> "a string";
                case INTEGER, DECIMAL -> "a number";
                case BOOLEAN -> "true/false";
                case NULL -> "nothing (null)";
            };
        }
    }

    /** A list, block ({@code - a}) or flow ({@code [a, b]}). */
    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
        public Sequence {
            items = Collections.unmodifiableList(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A key as written, with its own place (unknown-key messages point at the key, not at its value). */
    record Key(String name, int line, int column) {
    }

    /** One key and its value. */
    record Entry(Key key, YamlNode value) {
    }

    /** A map of keys (in file order) to values; keys are unique (duplicates are reported while reading). */
    record Mapping(Map<String, Entry> entries, int line, int column) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a map of keys";
        }
    }
}
