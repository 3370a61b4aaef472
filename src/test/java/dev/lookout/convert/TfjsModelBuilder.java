package dev.lookout.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes small TF.js graph models (model.json + shards) for converter tests, in TF.js's own file format. */
public final class TfjsModelBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ArrayNode nodes = JSON.createArrayNode();
    private final ArrayNode weights = JSON.createArrayNode();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private ObjectNode signature;

    /** A float32 placeholder (TF dtype 1) or uint8 (4) with the given shape ({@code -1} unknown). */
    public TfjsModelBuilder placeholder(String name, int tfDtype, long... shape) {
        ObjectNode n = node(name, "Placeholder");
        ObjectNode attr = (ObjectNode) n.get("attr");
        attr.putObject("dtype").put("type", tfDtype);
        ArrayNode dims = attr.putObject("shape").putObject("shape").putArray("dim");
        for (long d : shape) {
            dims.addObject().put("size", Long.toString(d));
        }
        return this;
    }

    /** A float32 constant stored in the weight shards. */
    public TfjsModelBuilder constFloat(String name, long[] shape, float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return constRaw(name, shape, "float32", b.array(), null);
    }

    /** An int32 constant stored in the weight shards. */
    public TfjsModelBuilder constInt(String name, long[] shape, int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        return constRaw(name, shape, "int32", b.array(), null);
    }

    /** A constant whose shard bytes are {@code raw}, with an optional {@code quantization} object. */
    public TfjsModelBuilder constRaw(String name, long[] shape, String dtype, byte[] raw, ObjectNode quantization) {
        ObjectNode n = node(name, "Const");
        ((ObjectNode) n.get("attr")).putObject("dtype").put("type", dtype.equals("int32") ? 3 : 1);
        ObjectNode w = weights.addObject();
        w.put("name", name);
        ArrayNode s = w.putArray("shape");
        Arrays.stream(shape).forEach(s::add);
        w.put("dtype", dtype);
        if (quantization != null) {
            w.set("quantization", quantization);
        }
        data.writeBytes(raw);
        return this;
    }

    /** Any op node; {@code attrJson} is the node's {@code attr} object as JSON text. */
    public TfjsModelBuilder op(String name, String op, String attrJson, String... inputs) {
        ObjectNode n = node(name, op);
        ArrayNode in = (ArrayNode) n.get("input");
        Arrays.stream(inputs).forEach(in::add);
        try {
            JsonNode attr = JSON.readTree(attrJson);
            ((ObjectNode) n.get("attr")).setAll((ObjectNode) attr);
        } catch (IOException e) {
            throw new IllegalArgumentException(attrJson, e);
        }
        return this;
    }

    /**
     * Gives the model a signature (TF.js then runs it to these outputs, which may be inner nodes); each name is
     * both the key and the node.
     */
    public TfjsModelBuilder signature(List<String> inputs, List<String> outputs) {
        signature = JSON.createObjectNode();
        ObjectNode in = signature.putObject("inputs");
        inputs.forEach(n -> in.putObject(n).put("name", n + ":0"));
        ObjectNode out = signature.putObject("outputs");
        outputs.forEach(n -> out.putObject(n).put("name", n + ":0"));
        return this;
    }

    /** The TF attr JSON for a string value, base64-encoded as TF.js writes it. */
    public static String s(String value) {
        return "{\"s\":\"" + java.util.Base64.getEncoder().encodeToString(value.getBytes()) + "\"}";
    }

    /** The TF attr JSON for a string list (base64, as TF.js writes it). */
    public static String strs(String... values) {
        StringBuilder sb = new StringBuilder("{\"list\":{\"s\":[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i > 0 ? "," : "").append('"')
                    .append(java.util.Base64.getEncoder().encodeToString(values[i].getBytes())).append('"');
        }
        return sb.append("]}}").toString();
    }

    /** The TF attr JSON for an int. */
    public static String i(long value) {
        return "{\"i\":\"" + value + "\"}";
    }

    /** The TF attr JSON for a float. */
    public static String f(double value) {
        return "{\"f\":" + value + "}";
    }

    /** The TF attr JSON for a bool. */
    public static String b(boolean value) {
        return "{\"b\":" + value + "}";
    }

    /** The TF attr JSON for a dtype by name, e.g. {@code DT_INT32}. */
    public static String type(String dtype) {
        return "{\"type\":\"" + dtype + "\"}";
    }

    /** The TF attr JSON for an int list. */
    public static String ints(long... values) {
        StringBuilder sb = new StringBuilder("{\"list\":{\"i\":[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i > 0 ? "," : "").append('"').append(values[i]).append('"');
        }
        return sb.append("]}}").toString();
    }

    /** Writes {@code model.json} and the data split into shards of at most {@code shardBytes}; returns the files. */
    public List<Path> write(Path dir, int shardBytes) throws IOException {
        Files.createDirectories(dir);
        byte[] all = data.toByteArray();
        List<Path> files = new ArrayList<>();
        ArrayNode paths = JSON.createArrayNode();
        int count = Math.max(1, (all.length + shardBytes - 1) / shardBytes);
        for (int i = 0; i < count; i++) {
            String name = "group1-shard" + (i + 1) + "of" + count;
            Path shard = dir.resolve(name);
            Files.write(shard, Arrays.copyOfRange(all, i * shardBytes, Math.min(all.length, (i + 1) * shardBytes)));
            paths.add(name);
            files.add(shard);
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode topology = root.putObject("modelTopology");
        topology.set("node", nodes);
        topology.putObject("library");
        topology.putObject("versions");
        if (signature != null) {
            root.set("signature", signature);
        }
        ObjectNode group = root.putArray("weightsManifest").addObject();
        group.set("paths", paths);
        group.set("weights", weights);
        Path json = dir.resolve("model.json");
        Files.writeString(json, JSON.writeValueAsString(root));
        files.add(0, json);
        return files;
    }

    private ObjectNode node(String name, String op) {
        ObjectNode n = nodes.addObject();
        n.put("name", name);
        n.put("op", op);
        n.putArray("input");
        n.putObject("attr");
        return n;
    }
}
