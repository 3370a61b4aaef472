package dev.lookout.cli;

import dev.lookout.convert.ConversionException;
import dev.lookout.convert.TfjsConverter;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code lookout convert MODEL_DIR_OR_model.json OUT.onnx}: TF.js graph model to ONNX. */
final class ConvertCommand implements Command {

    @Override
    public String name() {
        return "convert";
    }

    @Override
    public String summary() {
        return "convert a TensorFlow.js graph model (model.json + shards) to ONNX";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, Set.of(), Set.of("help", "quiet"));
        if (a.flag("help")) {
            out.println("usage: lookout convert MODEL_DIR_OR_model.json OUT.onnx [--quiet]");
            out.println("Converts a TF.js graph model to ONNX (opset 17; input batch fixed at 1, height and width");
            out.println("dynamic). The output file appears only if the conversion succeeds.");
            return 0;
        }
        List<String> p = a.positional();
        if (p.size() != 2) {
            throw new UsageException("convert takes a model (folder or model.json) and an output .onnx file");
        }
        Path input = Path.of(p.get(0));
        Path output = Path.of(p.get(1));
        long start = System.nanoTime();
        try {
            TfjsConverter.convert(input, output);
        } catch (ConversionException e) {
            err.println("lookout convert: " + e.getMessage());
            return Main.EXIT_FAILED;
        }
        if (!a.flag("quiet")) {
            err.printf("wrote %s (%,d bytes) in %.1f s%n", output, Files.size(output),
                    (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }
}
