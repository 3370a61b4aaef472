package dev.lookout.convert;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One node of a TF.js graph model's {@code modelTopology} (a TensorFlow {@code NodeDef} as JSON): name, op,
 * data inputs ({@code node} or {@code node:k}), control inputs ({@code ^node}, kept apart), and attributes.
 */
public record TfNode(String name, String op, List<String> inputs, List<String> controlInputs, JsonNode attrs) {

    /** Reads a node from its JSON form. */
    static TfNode fromJson(JsonNode json) {
        List<String> inputs = new ArrayList<>();
        List<String> control = new ArrayList<>();
        for (JsonNode in : json.path("input")) {
            String s = in.asText();
            if (s.startsWith("^")) {
                control.add(s.substring(1));
            } else {
                inputs.add(s);
            }
        }
        return new TfNode(json.path("name").asText(), json.path("op").asText(), List.copyOf(inputs),
                List.copyOf(control), json.path("attr"));
    }

    /** True if the node has the attribute. */
    public boolean hasAttr(String key) {
        return attrs.has(key);
    }

    /** An integer attribute ({@code {"i": "2"}}), or {@code fallback}. */
    public long intAttr(String key, long fallback) {
        JsonNode a = attrs.get(key);
        return a == null || !a.has("i") ? fallback : Long.parseLong(a.get("i").asText());
    }

    /** A float attribute ({@code {"f": 0.001}}), or {@code fallback}. */
    public double floatAttr(String key, double fallback) {
        JsonNode a = attrs.get(key);
        return a == null || !a.has("f") ? fallback : a.get("f").asDouble();
    }

    /** A boolean attribute ({@code {"b": true}}), or {@code fallback}. */
    public boolean boolAttr(String key, boolean fallback) {
        JsonNode a = attrs.get(key);
        return a == null || !a.has("b") ? fallback : a.get("b").asBoolean();
    }

    /**
     * A string attribute ({@code {"s": ...}}), or {@code fallback}. TF.js writes strings as base64 text; some
     * converters write them as arrays of byte values: both are read.
     */
    public String stringAttr(String key, String fallback) {
        JsonNode a = attrs.get(key);
        if (a == null || !a.has("s")) {
            return fallback;
        }
        return decodeString(a.get("s"));
    }

    /** An integer-list attribute ({@code {"list": {"i": [...]}}}), or {@code fallback}. */
    public long[] intListAttr(String key, long[] fallback) {
        JsonNode a = attrs.get(key);
        if (a == null || !a.has("list")) {
            return fallback;
        }
        JsonNode list = a.get("list").path("i");
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Long.parseLong(list.get(i).asText());
        }
        return out;
    }

    /** A string-list attribute ({@code {"list": {"s": [...]}}}), or an empty list. */
    public List<String> stringListAttr(String key) {
        JsonNode a = attrs.get(key);
        List<String> out = new ArrayList<>();
        if (a != null) {
            for (JsonNode s : a.path("list").path("s")) {
                out.add(decodeString(s));
            }
        }
        return out;
    }

    /** A TensorFlow dtype attribute ({@code {"type": 1}} or {@code {"type": "DT_FLOAT"}}), or {@code fallback}. */
    public TfDataType typeAttr(String key, TfDataType fallback) {
        JsonNode a = attrs.get(key);
        return a == null || !a.has("type") ? fallback : TfDataType.fromJson(a.get("type"));
    }

    static String decodeString(JsonNode s) {
        if (s.isArray()) {
            byte[] b = new byte[s.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) s.get(i).asInt();
            }
            return new String(b, StandardCharsets.UTF_8);
        }
        String text = s.asText();
        try {
            return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return text;
        }
    }
}
