package dev.lookout.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.onnx.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A model's outputs as NumPy's {@code .npz} (one {@code .npy} per output) or as one JSON object. */
public final class OutputFiles {

    private OutputFiles() {
    }

    /** An {@code .npz} archive: entry {@code NAME.npy} per output ({@code /} and {@code :} become {@code _}). */
    public static byte[] npz(Map<String, Tensor> outputs) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, Tensor> e : outputs.entrySet()) {
                zip.putNextEntry(new ZipEntry(entryName(e.getKey()) + ".npy"));
                zip.write(Npy.write(e.getValue()));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** {@code {"NAME": {"dtype": ..., "shape": [...], "data": [...]}, ...}}, data flattened in C order. */
    public static String json(Map<String, Tensor> outputs) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        for (Map.Entry<String, Tensor> e : outputs.entrySet()) {
            Tensor t = e.getValue();
            ObjectNode o = root.putObject(e.getKey());
            o.put("dtype", t.type().name().toLowerCase(java.util.Locale.ROOT));
            ArrayNode shape = o.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            ArrayNode data = o.putArray("data");
            ByteBuffer b = ByteBuffer.wrap(t.bytes()).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < t.size(); i++) {
                switch (t.type()) {
                    case FLOAT -> data.add(b.getFloat());
                    case DOUBLE -> data.add(b.getDouble());
                    case INT32 -> data.add(b.getInt());
                    case INT64 -> data.add(b.getLong());
                    case UINT8 -> data.add(b.get() & 0xFF);
                    case BOOL -> data.add(b.get() != 0);
                }
            }
        }
        return mapper.writeValueAsString(root) + "\n";
    }

    static String entryName(String output) {
        return output.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
