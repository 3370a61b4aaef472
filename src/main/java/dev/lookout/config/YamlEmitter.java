package dev.lookout.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists and scalars as YAML laid out the way people write {@code lookout.yml}: block maps, short lists
 * in flow style ({@code watch: [person, car]}, {@code entrance: [0.5, 0, 0.5, 1]}, points {@code [[0, 0], ...]}).
 * Jackson's generator has one style for all lists, so the layout is done here and Jackson quotes each scalar.
 */
final class YamlEmitter {

    private static final YAMLMapper SCALARS = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();
    private static final YAMLMapper QUOTED = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    private YamlEmitter() {
    }

    /** The YAML text of a map whose values are maps, lists, strings, numbers or booleans. */
    static String write(Map<String, ?> root) {
        StringBuilder out = new StringBuilder();
        map(out, root, 0);
        return out.toString();
    }

    private static void map(StringBuilder out, Map<String, ?> map, int indent) {
        for (Map.Entry<String, ?> e : map.entrySet()) {
            out.append(" ".repeat(indent)).append(scalar(e.getKey(), false)).append(':');
            value(out, e.getValue(), indent);
        }
    }

    private static void value(StringBuilder out, Object value, int indent) {
        if (value instanceof Map<?, ?> m) {
            out.append('\n');
            map(out, cast(m), indent + 2);
        } else if (value instanceof List<?> list && depth(list) <= 2) {
            out.append(' ').append(flow(list)).append('\n');
        } else if (value instanceof List<?> list) {
            out.append('\n');
            for (Object item : list) {
                out.append(" ".repeat(indent + 2)).append('-');
                if (item instanceof Map<?, ?> m) { // "- first: x" then the other keys under "first"
                    StringBuilder block = new StringBuilder();
                    map(block, cast(m), indent + 4);
                    out.append(' ').append(block, indent + 4, block.length());
                } else {
                    value(out, item, indent + 2);
                }
            }
        } else {
            out.append(' ').append(scalar(value, false)).append('\n');
        }
    }

    /** How deep lists nest in {@code list} (1 for a list of scalars); maps count as too deep for flow style. */
    private static int depth(List<?> list) {
        int deepest = 0;
        for (Object item : list) {
            if (item instanceof Map<?, ?>) {
                return Integer.MAX_VALUE;
            }
            deepest = Math.max(deepest, item instanceof List<?> l ? depth(l) : 0);
        }
        return deepest == Integer.MAX_VALUE ? deepest : deepest + 1;
    }

    private static String flow(List<?> list) {
        StringBuilder out = new StringBuilder("[");
        for (Object item : list) {
            out.append(out.length() > 1 ? ", " : "").append(item instanceof List<?> l ? flow(l) : scalar(item, true));
        }
        return out.append(']').toString();
    }

    private static String scalar(Object value, boolean inFlow) {
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString();
        try {
            String plain = SCALARS.writeValueAsString(text).strip();
            // ',' '[' ']' '{' '}' end a plain scalar inside [...]: quote such text in full
            return inFlow && plain.matches(".*[,\\[\\]{}].*") ? QUOTED.writeValueAsString(text).strip() : plain;
        } catch (JsonProcessingException e) { // a String always serializes
            throw new IllegalStateException("cannot write a YAML string", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }
}
