package dev.lookout.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lookout.onnx.DataType;
import dev.lookout.onnx.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TensorFlow.js graph model read from disk: the graph ({@code modelTopology}) and every weight from the
 * {@code weightsManifest} shards, dequantized to float32 where the manifest says they are quantized.
 */
public final class TfjsModel {

    private final Path modelJson;
    private final List<TfNode> nodes;
    private final Map<String, TfNode> byName;
    private final Map<String, Tensor> weights;
    private final List<Path> files;
    private final Map<String, String> signatureInputs;
    private final Map<String, String> signatureOutputs;

    private TfjsModel(Path modelJson, List<TfNode> nodes, Map<String, Tensor> weights, List<Path> files,
            Map<String, String> signatureInputs, Map<String, String> signatureOutputs) {
        this.modelJson = modelJson;
        this.signatureInputs = Collections.unmodifiableMap(signatureInputs);
        this.signatureOutputs = Collections.unmodifiableMap(signatureOutputs);
        this.nodes = List.copyOf(nodes);
        Map<String, TfNode> map = new LinkedHashMap<>();
        for (TfNode n : nodes) {
            map.put(n.name(), n);
        }
        this.byName = Collections.unmodifiableMap(map);
        this.weights = Collections.unmodifiableMap(weights);
        this.files = List.copyOf(files);
    }

    /**
     * Reads a model from its {@code model.json} or from the folder holding it.
     *
     * @throws ConversionException with a message naming the missing, malformed or wrongly sized file
     */
    public static TfjsModel load(Path modelJsonOrDir) throws ConversionException {
        Path json = Files.isDirectory(modelJsonOrDir) ? modelJsonOrDir.resolve("model.json") : modelJsonOrDir;
        if (!Files.isRegularFile(json)) {
            throw new ConversionException(Files.isDirectory(modelJsonOrDir)
                    ? "no model.json in " + modelJsonOrDir + ": give the folder of a TF.js graph model or its model.json"
                    : "no such file: " + json);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json.toFile());
        } catch (JsonProcessingException e) {
            throw new ConversionException(json + " is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")" : ""));
        } catch (IOException e) {
            throw new ConversionException("cannot read " + json + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConversionException(json + " is not a TF.js model: it holds no JSON object");
        }
        JsonNode topology = root.path("modelTopology");
        if (!topology.has("node")) {
            throw new ConversionException(json + " is not a TF.js graph model: it has no modelTopology.node"
                    + (topology.has("config") ? " (it looks like a TF.js layers model; convert it to a graph model)" : ""));
        }
        if (topology.path("library").path("function").size() > 0) {
            throw new ConversionException(json + " uses TensorFlow functions (control flow v2), which the converter"
                    + " does not support");
        }
        List<TfNode> nodes = new ArrayList<>();
        for (JsonNode n : topology.get("node")) {
            nodes.add(TfNode.fromJson(n));
        }
        List<Path> files = new ArrayList<>();
        files.add(json);
        Map<String, Tensor> weights = readWeights(json, root.path("weightsManifest"), files);
        JsonNode signature = root.has("signature") ? root.path("signature")
                : root.path("userDefinedMetadata").path("signature");
        return new TfjsModel(json, nodes, weights, files, signatureEntries(signature.path("inputs")),
                signatureEntries(signature.path("outputs")));
    }

    /** A signature's entries: the tensor name ({@code node:k}) by key, in file order (TF.js's order). */
    private static Map<String, String> signatureEntries(JsonNode entries) {
        Map<String, String> out = new LinkedHashMap<>();
        entries.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().path("name").asText(e.getKey())));
        return out;
    }

    /** The signature's inputs (tensor name by key), empty without a signature. */
    public Map<String, String> signatureInputs() {
        return signatureInputs;
    }

    /**
     * The signature's outputs (tensor name, {@code node} or {@code node:k}, by key), empty without a signature. TF.js
     * runs a model with a signature to these tensors, which may be inner nodes.
     */
    public Map<String, String> signatureOutputs() {
        return signatureOutputs;
    }

    /** The {@code model.json} file. */
    public Path modelJson() {
        return modelJson;
    }

    /** The nodes in file order. */
    public List<TfNode> nodes() {
        return nodes;
    }

    /** The node called {@code name}, or null. */
    public TfNode node(String name) {
        return byName.get(name);
    }

    /** Every weight by name, float weights dequantized. */
    public Map<String, Tensor> weights() {
        return weights;
    }

    /** {@code model.json} and every shard, in manifest order. */
    public List<Path> files() {
        return files;
    }

    /**
     * The shard file a manifest path names. Weights live beside {@code model.json}: a path that is absolute or
     * leads out of the model's folder is refused, so that a model file cannot make the converter read other files.
     */
    static Path shardPath(Path json, String path) throws ConversionException {
        Path dir = json.toAbsolutePath().getParent().normalize();
        Path given;
        try {
            given = Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConversionException("weight path '" + path + "' in " + json + " is not a valid file name");
        }
        Path shard = dir.resolve(given).normalize();
        if (given.isAbsolute() || path.startsWith("/") || path.startsWith("\\") || !shard.startsWith(dir)
                || shard.equals(dir)) {
            throw new ConversionException("weight path '" + path + "' in " + json + " leads outside the model's"
                    + " folder; weight files must be in the folder of model.json");
        }
        return shard;
    }

    private static Map<String, Tensor> readWeights(Path json, JsonNode manifest, List<Path> files)
            throws ConversionException {
        Map<String, Tensor> weights = new LinkedHashMap<>();
        int groupIndex = 0;
        for (JsonNode group : manifest) {
            groupIndex++;
            List<Path> shards = new ArrayList<>();
            for (JsonNode p : group.path("paths")) {
                Path shard = shardPath(json, p.asText());
                shards.add(shard);
                files.add(shard);
            }
            List<WeightSpec> specs = new ArrayList<>();
            long expected = 0;
            for (JsonNode w : group.path("weights")) {
                WeightSpec spec = WeightSpec.fromJson(w, json);
                specs.add(spec);
                expected = Math.addExact(expected, spec.byteLength()); // checked too: the sum must not wrap either
            }
            ByteBuffer data = readShards(shards, expected, groupIndex).order(ByteOrder.LITTLE_ENDIAN);
            for (WeightSpec spec : specs) {
                byte[] raw = new byte[(int) spec.byteLength()];
                data.get(raw);
                weights.put(spec.name(), spec.decode(raw));
            }
        }
        return weights;
    }

    private static ByteBuffer readShards(List<Path> shards, long expected, int groupIndex)
            throws ConversionException {
        long[] sizes = new long[shards.size()];
        long total = 0;
        for (int i = 0; i < shards.size(); i++) {
            Path shard = shards.get(i);
            try {
                sizes[i] = Files.size(shard);
            } catch (NoSuchFileException e) {
                throw new ConversionException("weight shard " + shard.getFileName() + " listed in the manifest is "
                        + "missing (expected at " + shard + "): copy every group*-shard* file beside model.json");
            } catch (IOException e) {
                throw new ConversionException("cannot read weight shard " + shard + ": " + e.getMessage(), e);
            }
            total += sizes[i];
        }
        if (total != expected) {
            // the sizes on disk and the declared shapes must agree: the shapes, checked, say what is allocated
            // TF.js writes equal-sized shards but for the last one: the odd one out is the damaged file.
            int n = shards.size();
            int culprit = n - 1;
            long standard = standardShardSize(sizes, expected, total);
            for (int i = 0; i < n - 1 && standard > 0; i++) {
                if (sizes[i] != standard) {
                    culprit = i;
                    break;
                }
            }
            long expectedCulprit = culprit < n - 1 ? standard : expected - (total - sizes[culprit]);
            throw new ConversionException("weight shard " + shards.get(culprit).getFileName() + " is "
                    + (sizes[culprit] < expectedCulprit ? "too short" : "too long") + ": expected "
                    + expectedCulprit + " bytes, found " + sizes[culprit] + " (group " + groupIndex + " needs "
                    + expected + " bytes in all, its shards hold " + total + "); fetch the model again");
        }
        if (total > DeclaredShape.MAX_BYTES) {
            throw new ConversionException("weight group " + groupIndex + " holds " + total + " bytes, more than the "
                    + "2 GB a single-file ONNX model can carry");
        }
        ByteBuffer all = ByteBuffer.allocate((int) total);
        for (Path shard : shards) {
            try {
                all.put(Files.readAllBytes(shard));
            } catch (IOException e) {
                throw new ConversionException("cannot read weight shard " + shard + ": " + e.getMessage(), e);
            }
        }
        all.flip();
        return all;
    }

    /**
     * The size every shard but the last should have: one that the shards mostly share and that fits the total the
     * manifest expects ({@code (n-1)·size < expected ≤ n·size}); 0 when there is no such size.
     */
    private static long standardShardSize(long[] sizes, long expected, long total) {
        int n = sizes.length;
        Map<Long, Integer> frequency = new LinkedHashMap<>();
        for (int i = 0; i < n - 1; i++) {
            frequency.merge(sizes[i], 1, Integer::sum);
        }
        long best = 0;
        int bestCount = 0;
        for (Map.Entry<Long, Integer> e : frequency.entrySet()) {
            long size = e.getKey();
            if (!((n - 1) * size < expected && expected <= n * size)) {
                continue;
            }
            boolean better = e.getValue() > bestCount || (e.getValue() == bestCount
                    && (total < expected ? size > best : size < best));
            if (better) {
                best = size;
                bestCount = e.getValue();
            }
        }
        return best;
    }

    /** One entry of a manifest group: name, shape, dtype, and how it is quantized (if it is). */
    record WeightSpec(String name, long[] shape, String dtype, String quantDtype, double scale, double min,
            String originalDtype) {

        static WeightSpec fromJson(JsonNode w, Path json) throws ConversionException {
            String name = w.path("name").asText();
            String what = "weight " + name + " in " + json;
            JsonNode shapeJson = w.path("shape");
            if (!shapeJson.isArray()) {
                throw new ConversionException(what + " has no shape list (\"shape\": " + shapeJson + ")");
            }
            long[] shape = new long[shapeJson.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = DeclaredShape.dim(shapeJson.get(i), what);
            }
            // as stored and as decoded (dequantized to 4-byte floats): both are allocated
            DeclaredShape.bytes(shape, 4, what);
            String dtype = w.path("dtype").asText("float32");
            if (!List.of("float32", "int32", "bool").contains(dtype)) {
                throw new ConversionException("weight " + name + " in " + json + " has dtype " + dtype
                        + ", which the converter does not support (float32, int32, bool)");
            }
            JsonNode q = w.get("quantization");
            if (q == null) {
                return new WeightSpec(name, shape, dtype, null, 0, 0, null);
            }
            String qd = q.path("dtype").asText();
            if (!List.of("uint8", "uint16", "float16").contains(qd)) {
                throw new ConversionException("weight " + name + " is quantized as " + qd
                        + ", which the converter does not support (uint8, uint16, float16)");
            }
            return new WeightSpec(name, shape, dtype, qd, q.path("scale").asDouble(), q.path("min").asDouble(),
                    q.path("original_dtype").asText(dtype));
        }

        long count() {
            return Tensor.count(shape);
        }

        long byteLength() {
            if (quantDtype != null) {
                return count() * (quantDtype.equals("uint8") ? 1 : 2);
            }
            return count() * (dtype.equals("bool") ? 1 : 4);
        }

        Tensor decode(byte[] raw) {
            ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            int n = (int) count();
            if (quantDtype == null) {
                return switch (dtype) {
                    case "int32" -> new Tensor(DataType.INT32, shape, raw);
                    case "bool" -> new Tensor(DataType.BOOL, shape, raw);
                    default -> new Tensor(DataType.FLOAT, shape, raw);
                };
            }
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = switch (quantDtype) {
                    case "uint8" -> (float) ((raw[i] & 0xFF) * scale + min);
                    case "uint16" -> (float) ((b.getShort(2 * i) & 0xFFFF) * scale + min);
                    default -> halfToFloat(b.getShort(2 * i));
                };
            }
            if ("int32".equals(originalDtype) || "int32".equals(dtype)) {
                int[] ints = new int[n];
                for (int i = 0; i < n; i++) {
                    ints[i] = Math.round(values[i]);
                }
                return Tensor.ofInts(shape, ints);
            }
            return Tensor.ofFloats(shape, values);
        }
    }

    /** IEEE 754 half precision to float (Java 17 has no {@code Float.float16ToFloat}). */
    static float halfToFloat(short half) {
        int h = half & 0xFFFF;
        int sign = (h >>> 15) << 31;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float value = mantissa * 0x1p-24f;
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
