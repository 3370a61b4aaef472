package dev.lookout.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookout.convert.ConversionException;
import dev.lookout.convert.ModelSummary;
import dev.lookout.onnx.OnnxModelInfo;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lookout inspect PATH [--json]}: inputs, outputs, op histogram and weights of a TF.js or ONNX model. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = LookoutCommand.Version.class,
        description = "Show a model's inputs, outputs, ops and weights (TF.js model.json or .onnx).")
final class InspectCommand extends CliCommand {

    @Parameters(paramLabel = "MODEL", description = "an .onnx file, a TF.js model.json, or the folder holding it")
    Path path;

    @Option(names = "--json", description = "one JSON object instead of text")
    boolean json;

    @Override
    int run() throws Exception {
        if (!Files.exists(path)) {
            problem("no such file or folder: " + path);
            return Main.EXIT_FAILED;
        }
        ModelSummary s;
        try {
            s = ModelSummary.of(path);
        } catch (ConversionException e) {
            problem(e.getMessage());
            return Main.EXIT_FAILED;
        }
        if (json) {
            out.println(json(s));
        } else {
            text(s, out);
        }
        return 0;
    }

    private static String json(ModelSummary s) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", s.format());
        root.set("inputs", ports(mapper, s.inputs()));
        root.set("outputs", ports(mapper, s.outputs()));
        ObjectNode ops = root.putObject("ops");
        s.opHistogram().forEach(ops::put);
        root.put("parameters", s.parameters());
        root.put("weightBytes", s.weightBytes());
        return mapper.writeValueAsString(root);
    }

    private static ArrayNode ports(ObjectMapper mapper, List<OnnxModelInfo.Port> ports) {
        ArrayNode array = mapper.createArrayNode();
        for (OnnxModelInfo.Port p : ports) {
            ObjectNode o = array.addObject();
            o.put("name", p.name());
            o.put("dtype", p.dtype());
            if (p.shape() == null) {
                o.putNull("shape");
            } else {
                ArrayNode shape = o.putArray("shape");
                for (long d : p.shape()) {
                    shape.add(d);
                }
            }
        }
        return array;
    }

    private static void text(ModelSummary s, PrintStream out) {
        out.println("format:     " + s.format());
        out.println("inputs:");
        s.inputs().forEach(p -> out.println("  " + port(p)));
        out.println("outputs:");
        s.outputs().forEach(p -> out.println("  " + port(p)));
        out.printf("parameters: %,d%n", s.parameters());
        out.printf("weights:    %,d bytes%n", s.weightBytes());
        int total = s.opHistogram().values().stream().mapToInt(Integer::intValue).sum();
        out.println("ops (" + total + " nodes):");
        s.opHistogram().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.printf("  %-24s %d%n", e.getKey(), e.getValue()));
    }

    private static String port(OnnxModelInfo.Port p) {
        String shape = p.shape() == null ? "?" : "[" + java.util.Arrays.stream(p.shape()).mapToObj(Long::toString)
                .collect(Collectors.joining(", ")) + "]";
        return p.name() + "  " + p.dtype() + "  " + shape;
    }
}
